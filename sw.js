// The service worker's entry point. It sits at the site's root so that its scope covers the
// editor (index.html) as well as the reader (www/), under whatever sub-path the site is served.
// The worker itself is www/sw.js; pkg/precache.js, generated at build time, lists the app shell
// and names the version. The browser checks both imported scripts for changes as well as this one.
importScripts("pkg/precache.js", "www/sw.js");
