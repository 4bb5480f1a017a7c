// Starts GOV.UK Frontend's components. The library's URL comes from the template (it may carry
// a content hash in production), so this module imports it dynamically.
const script = document.querySelector("script[data-govuk-frontend]");
if (script) {
  import(script.dataset.govukFrontend).then(({ initAll }) => initAll());
}
