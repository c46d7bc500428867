// WordPress's limits for the comment form, shared by the schema (server) and the form (browser).
// The comment is measured in UTF-8 bytes (65,525, what its TEXT column holds: about 32,000 Arabic
// letters); name, email and website in characters (code points).
export const commentLimits = { name: 245, email: 100, website: 200, bodyBytes: 65_525 } as const;
