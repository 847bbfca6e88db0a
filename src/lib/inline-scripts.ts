/**
 * The only inline scripts the site ships. They are constants (no base path or data inside) so their
 * sha256 hashes are stable and public/_headers can allow exactly them in its Content-Security-Policy;
 * tests/site/csp.test.ts fails if a script changes without its hash.
 */

/**
 * In <head> of the simplified home only: if the reader chose traditional before, go there before
 * first paint. The target comes from the script element's data-twin attribute (same-origin path with
 * the base), so the script text, and thus its hash, holds no base path. Not the hreflang link: that is
 * absolute on SITE_URL and would leave a preview or mirror origin.
 */
export const HOME_REDIRECT = `try{var t=document.currentScript.getAttribute('data-twin');if(t&&localStorage.getItem('baoku-script')==='zh-hant')location.replace(t+location.hash)}catch(e){}`;

/**
 * End of <body> on every page: "/" focuses the search field (the search page's own, else the
 * header box), remember the script chosen via the toggle (and keep the #fragment), and enhance the
 * citation with today's access date and a copy button.
 */
export const PAGE_ENHANCE = `(function(){document.addEventListener('keydown',function(e){if(e.key!=='/'||e.ctrlKey||e.metaKey||e.altKey)return;var g=e.target;if(g&&(g.isContentEditable||/^(INPUT|TEXTAREA|SELECT)$/.test(g.tagName)))return;var q=document.getElementById('search-q')||document.getElementById('site-search-q');if(q){e.preventDefault();q.focus()}});document.addEventListener('click',function(e){var a=e.target&&e.target.closest?e.target.closest('a[data-script-toggle]'):null;if(!a)return;try{localStorage.setItem('baoku-script',a.getAttribute('data-script-toggle'))}catch(x){}if(location.hash)a.href=a.href.split('#')[0]+location.hash});var c=document.querySelector('[data-citation]');if(!c)return;var d=new Date(),p=function(n){return(n<10?'0':'')+n},s=d.getFullYear()+'-'+p(d.getMonth()+1)+'-'+p(d.getDate()),t=c.getAttribute('data-template').replace('{accessed}','['+s+']'),o=c.querySelector('[data-citation-text]'),b=c.querySelector('button[data-copy]');o.textContent=t;if(!b||!navigator.clipboard)return;b.hidden=false;b.addEventListener('click',function(){navigator.clipboard.writeText(t).then(function(){b.textContent=b.getAttribute('data-done')},function(){b.textContent=b.getAttribute('data-fail')})})})();`;
