// Counts a read without making the page dynamic: one beacon after load; the server counts a reader
// once per article per day and ignores robots (lib/view-counter.ts). A few lines inline, not a
// client component: reader pages load Next's runtime only when the reader interacts
// (lib/deferred-scripts.ts), and a read counts without that.
export function ViewBeacon({ articleId }: { articleId: number }) {
  // Sent after the load event, so it never competes with the page's own images and fonts. No
  // localStorage: its first use costs a long task on phones, and the server deduplicates anyway.
  const script = `(function(id){function send(){var b=String(id);if(!(navigator.sendBeacon&&navigator.sendBeacon('/api/views',b)))fetch('/api/views',{method:'POST',body:b,keepalive:true}).catch(function(){})}if(document.readyState==='complete')send();else addEventListener('load',send)})(${Number(articleId)})`;
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
