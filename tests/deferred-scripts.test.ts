import http from 'node:http';
import type { AddressInfo } from 'node:net';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deferNextScripts, DEFERRED_MARKER, loaderScript } from '@/lib/deferred-scripts';
import { deferScriptsInResponse, pageToRender, serveFlight } from '@/lib/deferred-scripts-response';
import { FlightStore } from '@/lib/flight-store';

const PAGE = [
  '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charSet="utf-8"/>',
  '<link rel="preload" href="/_next/static/media/f.woff2" as="font" crossorigin="" type="font/woff2"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
  '<script src="/_next/static/chunks/turbopack-1.js" async=""></script>',
  '<script src="/_next/static/chunks/b.js" async=""></script>',
  '<title>عنوان</title><script type="application/ld+json">{"@type":"NewsArticle"}</script></head>',
  '<body><h1>عنوان</h1><script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"0:{\\"P\\":null}\\n"])</script><script>$RC("B:0","S:0")</script></body></html>',
].join('');

describe('deferNextScripts', () => {
  const kept: string[] = [];
  const out = deferNextScripts(PAGE, (script) => {
    kept.push(script);
    return '/_flight/abc.js';
  });

  it("takes out Next's script tags and script preloads, and nothing else", () => {
    expect(out).not.toMatch(/<script[^>]+src=/);
    expect(out).not.toContain('as="script"');
    expect(out).toContain('as="font"');
    expect(out).toContain('rel="stylesheet"');
    expect(out).toContain('<script type="application/ld+json">');
    expect(out).toContain('<h1>عنوان</h1>');
  });

  it("takes Next's inline data out, in order, to be served on its own; React's own inline scripts stay", () => {
    expect(out).not.toContain('__next_f');
    expect(kept).toEqual(['(self.__next_f=self.__next_f||[]).push([0]);\nself.__next_f.push([1,"0:{\\"P\\":null}\\n"])']);
    expect(out).toContain('<script>$RC("B:0","S:0")</script>');
  });

  it('puts one loader with the same scripts, in order, at the end of <head>', () => {
    expect(out.match(new RegExp(DEFERRED_MARKER, 'g'))).toHaveLength(1);
    expect(out).toMatch(new RegExp(`<script ${DEFERRED_MARKER}="">[^<]*\\["/_next/static/chunks/turbopack-1.js","/_next/static/chunks/b.js"\\],"/_flight/abc.js"\\)</script></head>`));
  });

  it('leaves a page without scripts, or one already deferred, unchanged', () => {
    const keep = () => '/_flight/x.js';
    expect(deferNextScripts(out, keep)).toBe(out);
    const plain = '<html><head><title>x</title></head><body><script>alert(1)</script></body></html>';
    expect(deferNextScripts(plain, keep)).toBe(plain);
  });
});

describe('the loader', () => {
  type Click = { target: { closest: (selector: string) => unknown }; defaultPrevented: boolean; button: number; preventDefault: () => void; ctrlKey?: boolean };
  function run(cookie: string, flight: string | null = '/_flight/f.js', respond: 'form' | 'closed' = 'form', withPage = false) {
    const listeners = new Map<string, (event?: { type: string; target: { autofocus: boolean } }) => void>();
    const added: { src: string; async: boolean; onload?: () => void; onerror?: () => void }[] = [];
    const timers: (() => void)[] = [];
    const window: Record<string, unknown> = {
      addEventListener: (name: string, fn: () => void) => listeners.set(name, fn),
      removeEventListener: (name: string) => listeners.delete(name),
    };
    const location = { href: '/article/1/x', pathname: '/article/1/%D8%A3', search: '?p=2' };
    const form = {};
    const parentId = { value: '' };
    const section = {
      scrolled: 0,
      typing: false,
      scrollIntoView: () => section.scrolled++,
      querySelector: (selector: string) => (respond !== 'form' ? null : selector === 'form' ? form : selector === '[name=parentId]' ? parentId : null),
      contains: () => section.typing,
    };
    let onClick: ((event: Click) => void) | undefined;
    const document = {
      cookie,
      readyState: 'interactive',
      createElement: () => ({}),
      head: { appendChild: (element: (typeof added)[number]) => added.push(element) },
      addEventListener: (name: string, fn: (event: Click) => void) => name === 'click' && (onClick = fn),
      getElementById: (id: string) => (id === 'respond' ? section : null),
    };
    vm.runInNewContext(loaderScript(['/a.js', '/b.js'], flight, withPage), { window, document, location, setTimeout: (fn: () => void) => timers.push(fn) });
    const names = () => added.map((x) => `${x.src}${x.async ? ' async' : ''}`);
    /** A click on a «رد» link (or on something else); answers whether the loader kept it from navigating. */
    const click = (options: { reply?: boolean; ctrlKey?: boolean } = {}) => {
      const link = { href: '/article/1/x/reply/7#respond', dataset: { replyTo: '7' } };
      const event: Click = {
        target: { closest: (selector: string) => (options.reply !== false && selector === 'a[data-reply-to]' ? link : null) },
        defaultPrevented: false,
        button: 0,
        ctrlKey: options.ctrlKey,
        preventDefault: () => (event.defaultPrevented = true),
      };
      onClick!(event);
      return { held: event.defaultPrevented, link };
    };
    return { listeners, added, names, window, location, section, parentId, timers, click };
  }

  it('loads nothing until the first interaction, then the page data, then the runtime, once', () => {
    const { listeners, added, names } = run('theme=dark');
    expect(added).toEqual([]);
    expect([...listeners.keys()].sort()).toEqual(['focusin', 'keydown', 'pointerdown', 'touchstart', 'wheel']);
    listeners.get('touchstart')!();
    expect(names()).toEqual(['/_flight/f.js']);
    added[0]!.onload!();
    expect(names()).toEqual(['/_flight/f.js', '/a.js async', '/b.js async']);
    expect(listeners.size).toBe(0);
  });

  it('is not started by the focus an autofocus field takes by itself, only by the reader', () => {
    const { listeners, names } = run('');
    listeners.get('focusin')!({ type: 'focusin', target: { autofocus: true } });
    expect(names()).toEqual([]);
    listeners.get('focusin')!({ type: 'focusin', target: { autofocus: false } });
    expect(names()).toEqual(['/_flight/f.js']);
  });

  it('names its own page to the data request, so a server without the data can render it again', () => {
    const { listeners, names } = run('', '/_flight/f.js', 'form', true);
    listeners.get('pointerdown')!();
    expect(names()).toEqual([`/_flight/f.js?p=${encodeURIComponent('/article/1/%D8%A3?p=2')}`]);
  });

  it('without page data, loads the runtime straight away', () => {
    const { listeners, names } = run('', null);
    listeners.get('keydown')!();
    expect(names()).toEqual(['/a.js async', '/b.js async']);
  });

  it('holds a «رد» tapped before the form code, starts loading it and shows the form', () => {
    const { names, window, section, click, location, timers } = run('');
    const { held, link } = click();
    expect(held).toBe(true);
    expect(window.__pendingReply).toBe(link);
    expect(names()).toEqual(['/_flight/f.js']);
    expect(section.scrolled).toBe(1);
    // The code arrived and took the reply: the timer leaves the page alone.
    window.__replyReady = true;
    timers.forEach((fn) => fn());
    expect(location.href).toBe('/article/1/x');
    // From then on the form's own handler answers «رد».
    expect(click().held).toBe(false);
  });

  it('opens the reply page after all when the code never comes', () => {
    const { click, location, timers, parentId } = run('');
    click();
    // Meanwhile the plain form answers that comment.
    expect(parentId.value).toBe('7');
    timers.forEach((fn) => fn());
    expect(location.href).toBe('/article/1/x/reply/7#respond');
  });

  it('opens the reply page at once when a script fails, and holds no more «رد» after that', () => {
    const { click, location, added } = run('');
    click();
    added[0]!.onerror!();
    expect(location.href).toBe('/article/1/x/reply/7#respond');
    expect(click().held).toBe(false);
  });

  it('does not take away a reader who is typing in the form', () => {
    const { click, location, timers, section, parentId } = run('');
    click();
    section.typing = true;
    timers.forEach((fn) => fn());
    expect(location.href).toBe('/article/1/x');
    // What they send answers the comment they chose.
    expect(parentId.value).toBe('7');
  });

  it('leaves other clicks, new-tab clicks and closed threads to the browser', () => {
    expect(run('').click({ reply: false }).held).toBe(false);
    expect(run('').click({ ctrlKey: true }).held).toBe(false);
    expect(run('', '/_flight/f.js', 'closed').click().held).toBe(false);
  });

  it('loads at once for a returning commenter', () => {
    expect(run('a=1; commenter=1').names()).toEqual(['/_flight/f.js']);
    expect(run('commenter=10').names()).toEqual([]);
  });
});

describe('FlightStore', () => {
  it('answers the same address for the same data, and serves it', () => {
    const store = new FlightStore();
    const path = store.keep('self.__next_f.push([1,"x"])');
    expect(path).toMatch(/^\/_flight\/[\w-]{22}\.js$/);
    expect(store.keep('self.__next_f.push([1,"x"])')).toBe(path);
    expect(store.get(path)?.toString()).toBe('self.__next_f.push([1,"x"])');
    expect(store.get('/_flight/../../etc/passwd')).toBeUndefined();
  });

  it('lets the least recently used go past its budget', () => {
    const store = new FlightStore(25);
    const a = store.keep('a'.repeat(10));
    const b = store.keep('b'.repeat(10));
    store.keep('a'.repeat(10)); // a used again
    const c = store.keep('c'.repeat(10));
    expect(store.get(b)).toBeUndefined();
    expect(store.get(a)).toBeDefined();
    expect(store.get(c)).toBeDefined();
  });
});

describe('deferScriptsInResponse', () => {
  let server: http.Server;
  let origin: string;
  const store = new FlightStore();
  const rendered: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (serveFlight(req, res, store, async (page) => void (rendered.push(page), store.keep(`data of ${page}`)))) return;
      deferScriptsInResponse(req, res, store);
      if (req.url === '/json') {
        res.setHeader('Content-Type', 'application/json');
        return res.end('{"src":"<script src=\\"/_next/static/x.js\\"></script>"}');
      }
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Content-Length', Buffer.byteLength(PAGE));
      // Streamed in pieces that cut a tag and an Arabic letter in two.
      const bytes = Buffer.from(PAGE);
      res.write(bytes.subarray(0, 300));
      res.write(bytes.subarray(300, PAGE.indexOf('عنوان</h1>') + 1));
      res.end(bytes.subarray(PAGE.indexOf('عنوان</h1>') + 1));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends HTML with the scripts deferred and a Content-Length that fits', async () => {
    const response = await fetch(`${origin}/`);
    const body = await response.text();
    expect(body).toBe(deferNextScripts(PAGE, (script) => store.keep(script), true));
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(body));

    // The data it took out is served at the address the loader names, cacheable for good.
    const flight = /"(\/_flight\/[\w-]+\.js)",1\)<\/script>/.exec(body)![1]!;
    const data = await fetch(`${origin}${flight}`);
    expect(data.status).toBe(200);
    expect(data.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(data.headers.get('cache-control')).toContain('immutable');
    expect(await data.text()).toContain('self.__next_f.push([1,');
    expect((await fetch(`${origin}/_flight/AAAAAAAAAAAAAAAAAAAAAA.js`)).status).toBe(404);
  });

  it('renders the page again when its data is no longer kept, and serves it if it is the same', async () => {
    const path = new FlightStore().keep('data of /section/news');
    const again = await fetch(`${origin}${path}?p=${encodeURIComponent('/section/news')}`);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('data of /section/news');
    // The page changed since (another hash): 404, and the page stays without JavaScript.
    expect((await fetch(`${origin}/_flight/AAAAAAAAAAAAAAAAAAAAAA.js?p=%2Fsection%2Fnews`)).status).toBe(404);
    expect(rendered).toEqual(['/section/news', '/section/news']);
  });

  it('renders only the site’s own reader pages', () => {
    expect(pageToRender('/_flight/x.js?p=%2Farticle%2F1%2Fx')).toBe('/article/1/x');
    expect(pageToRender('/_flight/x.js?p=%2Fsearch%3Fq%3Dx')).toBe('/search?q=x');
    for (const page of ['//evil.example/x', 'http://evil.example/', '/admin', '/en/admin/articles', '/api/health', '/_flight/y.js', '/\\evil', '']) {
      expect(pageToRender(`/_flight/x.js?p=${encodeURIComponent(page)}`), page).toBeUndefined();
    }
  });

  it('passes anything else through untouched', async () => {
    const body = await (await fetch(`${origin}/json`)).text();
    expect(body).toContain('<script src=');
  });
});
