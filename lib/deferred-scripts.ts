// Reader pages are complete server-rendered HTML that work without JavaScript (links, the comment
// form's plain POST, «رد» pages). Next's client runtime (about 140 KB gzip) only adds comfort: the
// comment form in place, copy-link, the back-to-top button. So readers do not download or run it
// to read: its <script src> tags and script preloads are taken out of the HTML, and a few lines put
// in their place load the same scripts on the reader's first interaction (touch, key, pointer,
// wheel, focus; not scroll, which pages also get without anyone touching them, nor the focus an
// autofocus field takes by itself, as on the search page), or at once for a
// returning commenter (their own comments under review and remembered details need the form's
// code). The inline `self.__next_f.push(…)` data the runtime hydrates from (about 40% of the HTML)
// leaves the page too: it is kept by content (lib/flight-store.ts) and the loader runs it from
// /_flight/<hash>.js just before the runtime. Without it the article's HTML fits in the first
// round trip of a new connection (about 14 KB), and the page does not compile it while loading.
//
// A tap on «رد» is often the reader's first interaction: it starts the loading, and the loader holds
// the link (window.__pendingReply) and shows the form instead of opening the reply page; the form
// opens the reply once its code runs (and sets window.__replyReady). Meanwhile the plain form already
// answers that comment (its parentId). If a script fails, or the code has not come in 8 s, the reply
// page opens after all, unless the reader is typing in the form.

const SCRIPT_TAG = /<script\b[^>]*\bsrc="(\/_next\/static\/[^"]+)"[^>]*><\/script>/g;
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\brel="preload")(?=[^>]*\bas="script")[^>]*\/?>/g;
const FLIGHT_DATA = /<script>(\(?self\.__next_f[\s\S]*?)<\/script>/g;
export const DEFERRED_MARKER = 'data-deferred-runtime';

/**
 * The loader, as an immediately invoked function over the script addresses (kept in order) and the
 * address of the page's data (run first; if it cannot be had, the page stays without JavaScript).
 */
export function loaderScript(sources: string[], flight: string | null, withPage = false): string {
  return `(function(s,f,p){
var w=window,d=document,e=['pointerdown','keydown','touchstart','focusin','wheel'],o={passive:true,capture:true},l=0,F=0;
function add(u,then){var x=d.createElement('script');x.src=u;x.async=!then;if(then)x.onload=then;x.onerror=fail;d.head.appendChild(x)}
function away(){var a=w.__pendingReply,r=d.getElementById('respond');if(a&&!w.__replyReady&&!(r&&r.contains(d.activeElement)))location.href=a.href}
function fail(){F=1;away()}
function runtime(){s.forEach(function(u){add(u)})}
function run(){if(f)add(p?f+'?p='+encodeURIComponent(location.pathname+location.search):f,runtime);else runtime()}
function go(v){if(l||v&&v.type==='focusin'&&v.target&&v.target.autofocus)return;l=1;e.forEach(function(n){w.removeEventListener(n,go,o)});if(d.readyState==='loading')d.addEventListener('DOMContentLoaded',run);else run()}
e.forEach(function(n){w.addEventListener(n,go,o)});
d.addEventListener('click',function(v){var a=v.target&&v.target.closest&&v.target.closest('a[data-reply-to]'),r=d.getElementById('respond'),i;
if(!a||F||!r||!r.querySelector('form')||w.__replyReady||v.defaultPrevented||v.button||v.metaKey||v.ctrlKey||v.shiftKey||v.altKey)return;
v.preventDefault();w.__pendingReply=a;go();r.scrollIntoView();i=r.querySelector('[name=parentId]');if(i)i.value=a.dataset.replyTo;
setTimeout(away,8e3)},true);
if(/(^|; )commenter=1(;|$)/.test(d.cookie))go()})(${JSON.stringify(sources)},${JSON.stringify(flight)}${withPage ? ',1' : ''})`;
}

/**
 * The page with Next's scripts deferred to the first interaction; `keep` stores the page's data
 * and answers the address it will be served at; `rendersAgain` when the page's address (a GET) can
 * render it again. A page without Next's scripts (already deferred, or not a Next page) comes back
 * unchanged.
 */
export function deferNextScripts(html: string, keep: (script: string) => string, rendersAgain = false): string {
  if (html.includes(DEFERRED_MARKER)) return html;
  const sources: string[] = [];
  let out = html.replace(SCRIPT_TAG, (_tag, src: string) => {
    sources.push(src);
    return '';
  });
  if (sources.length === 0) return html;
  const data: string[] = [];
  out = out.replace(SCRIPT_PRELOAD, '').replace(FLIGHT_DATA, (_tag, script: string) => {
    data.push(script);
    return '';
  });
  // The page's own address goes along (the loader reads it from location, rather than the page
  // carrying its address again, encoded twice), so a server that no longer holds the data can
  // render it again.
  const flight = data.length ? keep(data.join(';\n')) : null;
  const loader = `<script ${DEFERRED_MARKER}="">${loaderScript(sources, flight, rendersAgain)}</script>`;
  const head = out.indexOf('</head>');
  return head < 0 ? out + loader : out.slice(0, head) + loader + out.slice(head);
}
