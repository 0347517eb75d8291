// The inbound SMTP listener for replies by email (smtp-server + mailparser). A reply address is checked
// when the sending server names it (RCPT TO): unknown, forged, expired or another member's address is
// refused there with a 550 and a sentence, so the sender's server bounces with the reason. The message
// is then parsed and posted (app/models/forum/email-reply.server.ts); a refusal at that point (limits,
// sanctions, a repeat of the same Message-ID) is a 550 at the end of DATA, bounced the same way.
// Both are loaded when the listener starts, not with the app: about 0.5 s of CPU at every start of a web process
// that never receives mail (production without INBOUND_SMTP_PORT, each test's app).
import type { SMTPServer, SMTPServerAddress } from "smtp-server";
import { env } from "./env.server";
import { logger } from "./logger.server";
import { checkReplyRecipient, receiveEmailReply } from "./models/forum/email-reply.server";

/** A reply is text: a larger message is refused while it arrives. */
const MAX_MESSAGE_BYTES = 1_000_000;

function smtpError(code: number, message: string) {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function createInboundMailServer() {
  const [{ SMTPServer }, { simpleParser }] = await Promise.all([import("smtp-server"), import("mailparser")]);
  return new SMTPServer({
    // mail between servers on port 25 is plain or STARTTLS; TLS is the relay's (MX) business in front
    disabledCommands: ["AUTH", "STARTTLS"],
    authOptional: true,
    size: MAX_MESSAGE_BYTES,
    banner: "Touchpoints replies",
    logger: false,
    async onRcptTo(address: SMTPServerAddress, session, callback) {
      try {
        if (session.envelope.rcptTo.length >= 1) return callback(smtpError(452, "One reply address per message."));
        const sender = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        const checked = await checkReplyRecipient(address.address, sender);
        callback(checked.ok ? undefined : smtpError(checked.code, checked.message));
      } catch (err) {
        logger.error({ err }, "inbound mail: recipient check failed");
        callback(smtpError(451, "Temporary failure; try again later."));
      }
    },
    onData(stream, session, callback) {
      simpleParser(stream, { skipHtmlToText: false })
        .then(async (parsed) => {
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded)
            return callback(smtpError(552, "Message too large for a reply."));
          const recipient = session.envelope.rcptTo[0]?.address ?? "";
          const sender = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
          const answer = await receiveEmailReply({
            recipient,
            sender,
            messageId: parsed.messageId,
            text: parsed.text ?? "",
          });
          if (!answer.ok) return callback(smtpError(answer.code, answer.message));
          logger.info({ postId: answer.postId }, "inbound mail: reply posted");
          callback(null, `Posted: ${answer.url}`);
        })
        .catch((err) => {
          logger.error({ err }, "inbound mail: a reply could not be handled");
          callback(smtpError(451, "Temporary failure; try again later."));
        });
    },
  });
}

let running: SMTPServer | undefined;

/** Listens on INBOUND_SMTP_PORT (development: 2525 unless set); returns the port, or undefined when off. */
export async function startInboundMail(port = env().INBOUND_SMTP_PORT): Promise<number | undefined> {
  const chosen = port ?? (env().NODE_ENV === "development" ? 2525 : undefined);
  if (chosen === undefined || running) return undefined;
  const server = await createInboundMailServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(chosen, env().INBOUND_SMTP_HOST, () => resolve());
  });
  server.on("error", (err) => logger.warn({ err }, "inbound mail: listener error"));
  running = server;
  const address = server.server.address();
  const bound = typeof address === "object" && address ? address.port : chosen;
  logger.info(`inbound mail: listening on ${env().INBOUND_SMTP_HOST}:${bound}`);
  return bound;
}

export async function stopInboundMail() {
  const server = running;
  running = undefined;
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
}
