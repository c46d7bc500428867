/** Articles generated around the sample article for the demo site. */
export const DEMO_ARTICLES = 120;
