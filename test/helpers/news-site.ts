// A small news site on 127.0.0.1 for live-news tests: article pages, an RSS and an Atom feed that can
// gain items, a sitemap index with a news sitemap, robots.txt, ETag/Last-Modified with 304 answers,
// and a log of every request. Nothing here touches the internet.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SitePage {
  slug: string;
  title: string;
  published: string;
  paragraphs: string[];
}

export interface NewsSite {
  url: string;
  /** Every request, as `METHOD path` with the conditional headers it sent. */
  requests: Array<{ path: string; ifNoneMatch?: string; ifModifiedSince?: string; userAgent?: string }>;
  /** The pages the feeds list, newest first; push to publish. */
  feedPages: SitePage[];
  /** Extra routes a test adds (path -> handler). */
  routes: Map<string, (req: IncomingMessage, res: ServerResponse) => void>;
  hits(path: string): number;
  close(): Promise<void>;
}

/** Topics of the pages: distinct enough that each forms a story of its own. */
const TOPICS: Array<{ title: (n: number) => string; paragraphs: (n: number) => string[] }> = [
  {
    title: (n) => `Harbour workers strike for the ${ordinal(n)} day in Rotterdam`,
    paragraphs: (n) => [
      `Dock workers at the port of Rotterdam stayed away from the container terminals for the ${ordinal(n)} day on Tuesday, the FNV union said, as talks over wages and automation stalled again.`,
      `Shipping lines diverted several vessels to Antwerp and Hamburg, and the port authority warned that cargo was piling up on the quays while cranes stood idle.`,
      `Union negotiator Niek Stam said the workers wanted guarantees that automated cranes would not cost jobs, while employers offered a pay rise of four percent over two years.`,
    ],
  },
  {
    title: (n) => `Alpine glacier loses record mass, survey ${n} finds`,
    paragraphs: (n) => [
      `The Rhone glacier in Switzerland lost more ice this summer than in any year since measurements began, according to survey number ${n} published by the Swiss glacier monitoring network.`,
      `Glaciologist Matthias Huss said the heatwave in July and a winter with little snow left the ice exposed for weeks, and meltwater streams ran high until September.`,
      `The researchers expect the glacier to retreat by several hundred metres over the next decade unless summers become cooler, and they called for more funding for the monitoring stations.`,
    ],
  },
  {
    title: (n) => `City council approves tram line extension, phase ${n}`,
    paragraphs: (n) => [
      `The city council of Ljubljana approved phase ${n} of the tram line extension on Thursday after a debate that lasted late into the night, with thirty councillors voting in favour.`,
      `Mayor Zoran Jankovic said construction would begin in the spring and that the line would connect the railway station with the university campus and the new hospital.`,
      `Opposition councillors criticised the cost of the project and asked for an independent study of passenger numbers before the contracts are signed with the builders.`,
    ],
  },
];

export function sitePage(n: number, published: string): SitePage {
  const topic = TOPICS[n % TOPICS.length]!;
  return { slug: `news/${n}.html`, title: topic.title(n), published, paragraphs: topic.paragraphs(n) };
}

export function articleHtml(page: SitePage): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${page.title} | Example Times</title>
<meta property="og:site_name" content="Example Times"><meta property="article:published_time" content="${page.published}T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>${page.title}</h1>${page.paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>
<footer>Copyright Example Times. All rights reserved.</footer></body></html>`;
}

function rss(site: NewsSite): string {
  const items = site.feedPages.map((p) => `<item><title>${p.title}</title><link>${site.url}/${p.slug}</link><guid>${site.url}/${p.slug}</guid><pubDate>${new Date(`${p.published}T08:00:00Z`).toUTCString()}</pubDate><description>${p.paragraphs[0]}</description></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example Times</title><link>${site.url}/</link><description>News</description><language>en</language>${items.join('')}</channel></rss>`;
}

function atom(site: NewsSite): string {
  const entries = site.feedPages.map((p) => `<entry><title>${p.title}</title><link rel="alternate" href="/${p.slug}"/><id>${site.url}/${p.slug}</id><published>${p.published}T08:00:00Z</published><updated>${p.published}T08:00:00Z</updated></entry>`);
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="${site.url}/"><title>Example Times (Atom)</title><id>${site.url}/atom.xml</id><updated>2024-06-20T00:00:00Z</updated>${entries.join('')}</feed>`;
}

function newsSitemap(site: NewsSite, pages: SitePage[]): string {
  const urls = pages.map(
    (p) => `<url><loc>${site.url}/${p.slug}</loc><news:news><news:publication><news:name>Example Times</news:name><news:language>en</news:language></news:publication><news:publication_date>${p.published}</news:publication_date><news:title>${p.title}</news:title></news:news></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${urls.join('')}</urlset>`;
}

/** Pages every site serves beside the feed pages (reached through its sitemaps). */
export const ARCHIVE_PAGES = [sitePage(100, '2024-05-02'), sitePage(101, '2024-05-03'), sitePage(102, '2024-05-04')];

export async function startNewsSite(options: { robots?: string } = {}): Promise<NewsSite> {
  const site: NewsSite = {
    url: '',
    requests: [],
    feedPages: [],
    routes: new Map(),
    hits: (path) => site.requests.filter((r) => r.path === path).length,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', site.url).pathname;
    site.requests.push({
      path,
      ...(req.headers['if-none-match'] ? { ifNoneMatch: String(req.headers['if-none-match']) } : {}),
      ...(req.headers['if-modified-since'] ? { ifModifiedSince: String(req.headers['if-modified-since']) } : {}),
      ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
    });
    const extra = site.routes.get(path);
    if (extra) return extra(req, res);
    if (path === '/robots.txt') return send(res, 'text/plain', options.robots ?? 'User-agent: *\nDisallow: /private/\n');
    if (path === '/feed.xml') return sendConditional(req, res, 'application/rss+xml; charset=utf-8', rss(site));
    if (path === '/atom.xml') return sendConditional(req, res, 'text/xml', atom(site));
    if (path === '/sitemap_index.xml') return send(res, 'application/xml', `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${site.url}/sitemap-news.xml</loc></sitemap></sitemapindex>`);
    if (path === '/sitemap-news.xml') return send(res, 'application/xml', newsSitemap(site, ARCHIVE_PAGES));
    const page = [...site.feedPages, ...ARCHIVE_PAGES].find((p) => `/${p.slug}` === path);
    if (page) return send(res, 'text/html; charset=utf-8', articleHtml(page));
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return site;
}

function send(res: ServerResponse, type: string, body: string): void {
  res.writeHead(200, { 'content-type': type }).end(body);
}

/** A body with an ETag of its content: a request naming the same ETag gets 304 and nothing else. */
function sendConditional(req: IncomingMessage, res: ServerResponse, type: string, body: string): void {
  const etag = `"${hash(body)}"`;
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  res.writeHead(200, { 'content-type': type, etag, 'last-modified': new Date(Date.UTC(2024, 5, 20)).toUTCString() }).end(body);
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16);
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
