// Runs first in <body>: GOV.UK Frontend's styles for JavaScript-enhanced components key on
// these classes. A file rather than an inline script, so the Content-Security-Policy needs no
// 'unsafe-inline'.
document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
}
