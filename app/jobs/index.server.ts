// Every job kind is registered here (imported once by background.server.ts and by tests).
export {};
