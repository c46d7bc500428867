// Counts a read without making the page dynamic: one beacon after load, once per article per day
// in this browser (server.ts also deduplicates per reader and ignores robots). A few lines inline,
// not a client component: reader pages load Next's runtime only when the reader interacts
// (lib/deferred-scripts.ts), and a read counts without that.
export function ViewBeacon({ articleId }: { articleId: number }) {
  // Sent after the load event, so it never competes with the page's own images and fonts.
  const script = `(function(id){function send(){var k='viewed:'+id,t=new Date().toISOString().slice(0,10);try{if(localStorage.getItem(k)===t)return;localStorage.setItem(k,t)}catch(e){}var b=String(id);if(!(navigator.sendBeacon&&navigator.sendBeacon('/api/views',b)))fetch('/api/views',{method:'POST',body:b,keepalive:true}).catch(function(){})}if(document.readyState==='complete')send();else addEventListener('load',send)})(${Number(articleId)})`;
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
