// Form schemas for route actions, re-exported from a server module so the browser bundle of
// those routes does not carry zod (the classic compiler empties *.server modules for the client).
export { EditPostSchema, NewTopicSchema, ReplySchema } from "./topic.schema";
