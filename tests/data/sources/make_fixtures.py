#!/usr/bin/env python3
"""Make the source-format fixtures from article.txt (run from this folder).

article.html: the article inside a realistic news page (menu, byline, teasers, comments, footer,
scripts, JSON-LD). article.fodt: the article as a LibreOffice document with a running header,
page numbers in the footer and automatic hyphenation; LibreOffice headless turns it into
article.pdf, article.docx, article.odt and article.rtf; article.epub is written here:

    python3 make_fixtures.py
    soffice --headless --convert-to pdf article.fodt
    soffice --headless --convert-to pdf report10.fodt
    soffice --headless --convert-to docx article.fodt
    soffice --headless --convert-to odt article.fodt
    soffice --headless --convert-to odt structure.fodt
    soffice --headless --convert-to docx structure.fodt
    soffice --headless --convert-to rtf article.fodt
    qpdf --encrypt secret owner 256 -- article.pdf bad/encrypted.pdf

It also writes the bad files of bad/: a PDF that draws but has no text layer (a scan), a DOCX
cut in half, and a page with no body. (Debian packages: libreoffice-writer-nogui, hyphen-en-us,
qpdf.)
"""
import html

AUTHOR = "Lucía Fernández"
SITE = "Andean Wire"
DATE = "2015-03-14T09:30:00-05:00"

paras = open("article.txt", encoding="utf-8").read().strip().split("\n\n")
title, body_paras = paras[0], paras[1:]


def esc(s):
    return html.escape(s, quote=False)


def html_body():
    out = []
    for p in body_paras:
        if p.startswith("- "):
            items = "".join(f"      <li>{esc(l[2:])}</li>\n" for l in p.split("\n"))
            out.append(f"    <ul>\n{items}    </ul>")
            continue
        h = esc(p).replace('"', "&quot;").replace("—", "&mdash;")
        h = h.replace("United Nations Office on Drugs and Crime",
                      '<a href="https://www.unodc.org/">United Nations Office on Drugs and Crime</a>')
        h = h.replace("Shining Path", "<em>Shining Path</em>")
        out.append(f"    <p>{h}</p>")
        if p.startswith("The programme has not"):
            out.append("""    <aside class="inline-related">
      <h4>Read more</h4>
      <a href="/news/bolivia-coca-law">Bolivia passes new coca law amid protests</a>
    </aside>
    <div class="ad-slot" id="div-gpt-ad-mid"><script>googletag.cmd.push(function(){googletag.display("div-gpt-ad-mid");});</script></div>""")
    return "\n".join(out)


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} | {site}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="description" content="Peru will extend manual coca eradication to three more provinces of the Upper Huallaga valley.">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="{site}">
  <meta property="og:title" content="{title}">
  <meta property="article:published_time" content="{date}">
  <meta name="author" content="{author}">
  <link rel="stylesheet" href="/static/site.css">
  <style>
    body {{ font-family: Georgia, serif; }} .nav a {{ margin: 0 1em; }} .ad-slot {{ min-height: 250px; }}
  </style>
  <script type="application/ld+json">
  {{"@context": "https://schema.org", "@type": "NewsArticle",
    "headline": "{title}",
    "datePublished": "{date}", "dateModified": "2015-03-15T11:02:00-05:00",
    "author": {{"@type": "Person", "name": "{author}"}},
    "publisher": {{"@type": "Organization", "name": "{site}"}}}}
  </script>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}} gtag('js', new Date());</script>
</head>
<body class="article-page">
  <div class="skip"><a href="#main">Skip to content</a></div>
  <header class="site-header">
    <a class="logo" href="/">{site}</a>
    <nav class="nav" aria-label="Sections">
      <a href="/news">All news</a> <a href="/peru">Peru</a> <a href="/bolivia">Bolivia</a>
      <a href="/colombia">Colombia</a> <a href="/security">Security</a> <a href="/opinion">Opinion</a>
    </nav>
    <form class="search" action="/search"><input name="q" placeholder="Search"><button>Search</button></form>
    <a class="subscribe" href="/subscribe">Subscribe for $1 a week</a>
  </header>
  <div class="breadcrumbs"><a href="/">Home</a> › <a href="/peru">Peru</a> › Security</div>
  <main id="main">
  <article class="story">
    <h1 class="headline">{title}</h1>
    <div class="byline"><span class="author">By {author}</span> · <time datetime="{date}">14 March 2015</time> · 4 min read</div>
    <div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
    <figure><img src="/img/helicopter.jpg" alt="A police helicopter over the valley"><figcaption>A police helicopter over the Huallaga valley. Photo: {site}</figcaption></figure>
    <div class="story-body">
{body}
    </div>
    <div class="tags">Topics: <a href="/t/coca">Coca</a> <a href="/t/peru">Peru</a> <a href="/t/russia">Russia</a></div>
  </article>
  <section class="related">
    <h2>Related stories</h2>
    <ul>
      <li><a href="/news/colombia-sweden">Colombia tightens security cooperation with Russia and Sweden</a><p>The defence minister announced an accord in Stockholm on Saturday.</p></li>
      <li><a href="/news/nicaragua-centre">Russia opens a counternarcotics training centre in Managua</a><p>Officers from seven countries will be trained there.</p></li>
      <li><a href="/news/mexico-peru">Armed forces of Peru and Mexico cooperate to fight organized crime</a><p>The two countries will exchange information on drug trafficking.</p></li>
    </ul>
  </section>
  <section class="comments" id="comments">
    <h3>3 comments</h3>
    <div class="comment"><b>carlos_r</b> <span>2 hours ago</span><p>Eradication never works without roads and markets. We have seen this for twenty years.</p><a href="#">Reply</a></div>
    <div class="comment"><b>observer99</b> <span>1 hour ago</span><p>How many of those helicopters are actually flying?</p><a href="#">Reply</a></div>
  </section>
  </main>
  <aside class="sidebar">
    <h3>Most read</h3>
    <ol><li><a href="/a">Fuel prices rise for the third month</a></li><li><a href="/b">Election calendar: what to expect in 2016</a></li><li><a href="/c">Five dishes to try in Arequipa</a></li></ol>
    <div class="newsletter"><h3>Our newsletter</h3><p>The day's news from the Andes in your inbox every morning.</p><input type="email"><button>Sign up</button></div>
  </aside>
  <footer class="site-footer">
    <nav><a href="/about">About us</a> <a href="/contact">Contact</a> <a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></nav>
    <p>© 2015 {site}. All rights reserved.</p>
  </footer>
  <div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
  <script src="/static/app.js"></script>
  <script>document.querySelectorAll(".share a").forEach(a => a.addEventListener("click", e => e.preventDefault()));</script>
</body>
</html>
"""

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta>
  <dc:title>{title}</dc:title>
  <meta:initial-creator>{author}</meta:initial-creator>
  <dc:creator>{author}</dc:creator>
  <meta:creation-date>2015-03-14T09:30:00</meta:creation-date>
 </office:meta>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
   <style:text-properties style:font-name="DejaVu Serif" fo:font-family="'DejaVu Serif'" fo:font-size="12pt"
    fo:language="en" fo:country="US" fo:hyphenate="true" fo:hyphenation-remain-char-count="2"
    fo:hyphenation-push-char-count="2"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph">
   <style:paragraph-properties fo:margin-bottom="0.25cm" fo:text-align="justify"/>
  </style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1">
   <style:paragraph-properties fo:margin-bottom="0.5cm"/>
   <style:text-properties fo:font-size="18pt" fo:font-weight="bold" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph">
   <style:text-properties fo:font-size="9pt" fo:font-style="italic"/>
  </style:style>
  <style:style style:name="Footer" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="9pt"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <text:list-style style:name="Bullets">
   <text:list-level-style-bullet text:level="1" text:bullet-char="•">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.5cm" fo:margin-left="1cm"/>
    </style:list-level-properties>
   </text:list-level-style-bullet>
  </text:list-style>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="14.8cm" fo:page-height="21cm" fo:margin-top="1.5cm"
    fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.4cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p text:style-name="Header">{site} · Special report: coca in the Andes</text:p></style:header>
   <style:footer><text:p text:style-name="Footer">Page <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body>
  <office:text>
"""


def fodt():
    x = lambda s: html.escape(s, quote=False)
    out = [FODT_HEAD.format(title=x(title), author=x(AUTHOR), site=x(SITE))]
    out.append(f'   <text:h text:style-name="Heading_20_1" text:outline-level="1">{x(title)}</text:h>\n')
    for p in body_paras:
        if p.startswith("- "):
            out.append('   <text:list text:style-name="Bullets">\n')
            for l in p.split("\n"):
                out.append(f'    <text:list-item><text:p text:style-name="Standard">{x(l[2:])}</text:p></text:list-item>\n')
            out.append("   </text:list>\n")
        else:
            out.append(f'   <text:p text:style-name="Standard">{x(p)}</text:p>\n')
    out.append("  </office:text>\n </office:body>\n</office:document>\n")
    return "".join(out)


def report10():
    """The article four times over, for the ten-page PDF of benches/sources.rs."""
    one = fodt()
    head, rest = one.split("  <office:text>\n", 1)
    body = rest.split("  </office:text>", 1)[0]
    last = body.rsplit("   <text:p", 3)[0]  # the fourth copy without its last three paragraphs
    return head + "  <office:text>\n" + body * 3 + last + "  </office:text>\n </office:body>\n</office:document>\n"


open("article.html", "w", encoding="utf-8").write(
    PAGE.format(title=esc(title), site=SITE, date=DATE, author=AUTHOR, body=html_body()))
open("article.fodt", "w", encoding="utf-8").write(fodt())
open("report10.fodt", "w", encoding="utf-8").write(report10())


def epub():
    """The article as an EPUB 3 book of one chapter (LibreOffice's EPUB export drops lists)."""
    import zipfile
    x = lambda t: html.escape(t, quote=False)
    chapter = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
               '<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>' + x(title) +
               '</title></head><body><section>\n<h1>' + x(title) + '</h1>\n' + html_body() +
               '\n</section></body></html>\n')
    opf = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
 <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:identifier id="id">urn:dossier:fixture:article</dc:identifier>
  <dc:title>{x(title)}</dc:title>
  <dc:creator>{x(AUTHOR)}</dc:creator>
  <dc:date>2015-03-14</dc:date>
  <dc:language>en</dc:language>
 </metadata>
 <manifest>
  <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
  <item id="ch1" href="text/chapter%201.xhtml" media-type="application/xhtml+xml"/>
 </manifest>
 <spine><itemref idref="ch1"/></spine>
</package>
"""
    nav = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
           'xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol><li>'
           '<a href="text/chapter%201.xhtml">' + x(title) + '</a></li></ol></nav></body></html>\n')
    container = ('<?xml version="1.0"?>\n<container version="1.0" '
                 'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
                 '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
                 '</rootfiles></container>\n')
    with zipfile.ZipFile("article.epub", "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype", (2015, 3, 14, 0, 0, 0)), "application/epub+zip")
        for name, text in [("META-INF/container.xml", container), ("OEBPS/content.opf", opf),
                           ("OEBPS/nav.xhtml", nav), ("OEBPS/text/chapter 1.xhtml", chapter)]:
            z.writestr(zipfile.ZipInfo(name, (2015, 3, 14, 0, 0, 0)), text, zipfile.ZIP_DEFLATED)


def bad_files():
    """A PDF without a text layer, a truncated DOCX and an HTML page without a body."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R /Resources << >> >>",
    ]
    stream = b"0.6 g 50 50 320 495 re f"
    objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    open("bad/scanned.pdf", "wb").write(out)
    d = open("article.docx", "rb").read()
    open("bad/truncated.docx", "wb").write(d[: len(d) // 2])
    open("bad/nobody.html", "w").write(
        "<!DOCTYPE html>\n<html><head><title>Redirecting…</title>"
        "<script>location.href='/news/1';</script></head><body></body></html>\n")


epub()
bad_files()
