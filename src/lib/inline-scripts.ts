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
 * header box; in an empty search field it types nothing, the field already has the focus), remember
 * the script chosen via the toggle (and keep the #fragment), point 历史上的今天 on the home page at
 * the reader's today, and complete the citation: the access date, the page's own address when
 * SITE_URL was not set, and a copy button. It only fills places the page marks (no text templating),
 * so nothing a headline contains is ever read as an instruction (issue 12).
 */
export const PAGE_ENHANCE = `(function(){var p=function(n){return(n<10?'0':'')+n},d=new Date(),S=['search-q','site-search-q'];document.addEventListener('keydown',function(e){if(e.key!=='/'||e.ctrlKey||e.metaKey||e.altKey)return;var g=e.target;if(g&&(g.isContentEditable||/^(INPUT|TEXTAREA|SELECT)$/.test(g.tagName))){if(S.indexOf(g.id)>=0&&!g.value)e.preventDefault();return}var q=document.getElementById(S[0])||document.getElementById(S[1]);if(q){e.preventDefault();q.focus()}});document.addEventListener('click',function(e){var a=e.target&&e.target.closest?e.target.closest('a[data-script-toggle]'):null;if(!a)return;try{localStorage.setItem('baoku-script',a.getAttribute('data-script-toggle'))}catch(x){}if(location.hash)a.href=a.href.split('#')[0]+location.hash});var h=document.querySelector('[data-on-this-day]');if(h){var k=p(d.getMonth()+1)+'-'+p(d.getDate()),m=(' '+h.getAttribute('data-days')+' ').match(' '+k+':([0-9]+) '),f=h.querySelector(m?'[data-today]':'[data-no-today]'),l=f.querySelectorAll('[data-today-date]');for(var i=0;i<l.length;i++)l[i].textContent=(d.getMonth()+1)+'月'+d.getDate()+'日';if(m){f.querySelector('[data-today-count]').textContent=m[1];f.querySelector('a').href=h.getAttribute('data-base')+k+'/'}f.hidden=false}var c=document.querySelector('[data-citation]');if(!c)return;var u=c.querySelector('[data-cite-url]'),o=c.querySelector('[data-citation-text]'),b=c.querySelector('button[data-copy]');if(u&&!u.textContent){u.textContent=' '+location.origin+location.pathname+'.';c.querySelector('[data-cite-type]').textContent='N/OL'}c.querySelector('[data-cite-accessed]').textContent='['+d.getFullYear()+'-'+p(d.getMonth()+1)+'-'+p(d.getDate())+']';var t=o.textContent;if(!b||!navigator.clipboard)return;b.hidden=false;b.addEventListener('click',function(){navigator.clipboard.writeText(t).then(function(){b.textContent=b.getAttribute('data-done')},function(){b.textContent=b.getAttribute('data-fail')})})})();`;
