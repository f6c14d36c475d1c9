// <sportello-form-viewer>: a Camunda Form (form-js JSON from Camunda Modeler) rendered by the
// bpmn.io form-js viewer exactly as designed: conditions, validation, groups, lists. The server
// calls submit(); a valid form fires "form-submit" with the data as JSON, an invalid one
// "form-invalid" (form-js shows the messages next to the fields). Light DOM: form-js styles are
// global stylesheets.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import './form-viewer.css';

// form-js 1.x writes its own texts (validation messages, "Select", "Search"...) in English and
// has no translation hook (docs/decisions/0016-form-js-texts.md): the rendered texts are
// translated as they appear, from this table. The designer's own labels are left alone.
const TEXTS = {
  it: [
    [/^Field is required\.$/, 'Campo obbligatorio.'],
    [/^Field must match pattern .*\.$/, 'Il valore non ha il formato richiesto.'],
    [/^Field must have minimum value of (.+)\.$/, 'Il valore minimo è $1.'],
    [/^Field must have maximum value of (.+)\.$/, 'Il valore massimo è $1.'],
    [/^Field must have minimum length of (\d+)\.$/, 'Servono almeno $1 caratteri.'],
    [/^Field must have maximum length of (\d+)\.$/, 'Al massimo $1 caratteri.'],
    [/^Field must be a valid +international phone number.*$/, 'Numero di telefono non valido: va scritto con il prefisso internazionale (es. +390862123456).'],
    [/^Field must be a valid email\.$/, 'Indirizzo email non valido.'],
    [/^Value is not a number\.$/, 'Il valore non è un numero.'],
    [/^Value is expected to be an integer\.$/, 'Serve un numero intero.'],
    [/^Value is expected to have at most (\d+) decimal digits?\.$/, 'Al massimo $1 cifre decimali.'],
    [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/, 'Valore non valido: i più vicini ammessi sono $1 e $2.'],
    [/^Select$/, 'Seleziona'],
    [/^Search$/, 'Cerca'],
    [/^No results$/, 'Nessun risultato'],
    [/^All values selected$/, 'Tutti i valori sono selezionati']
  ]
};

function translate(text, lang) {
  const table = TEXTS[lang];
  if (!table || !text) {
    return text;
  }
  const trimmed = text.trim();
  for (const [pattern, replacement] of table) {
    if (pattern.test(trimmed)) {
      return trimmed.replace(pattern, replacement);
    }
  }
  return text;
}

function translateTree(root, lang) {
  if (!TEXTS[lang]) {
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const translated = translate(node.nodeValue, lang);
    if (translated !== node.nodeValue) {
      node.nodeValue = translated;
    }
  }
  root.querySelectorAll('[placeholder]').forEach((element) => {
    const translated = translate(element.getAttribute('placeholder'), lang);
    if (translated !== element.getAttribute('placeholder')) {
      element.setAttribute('placeholder', translated);
    }
  });
}

class SportelloFormViewer extends HTMLElement {
  constructor() {
    super();
    this._schema = null;
    this._data = {};
    this._form = null;
    this._lang = 'it';
  }

  /** The user's language: form-js's own texts are shown in it. */
  set language(value) {
    this._lang = value || 'it';
  }

  connectedCallback() {
    if (!this._container) {
      this._container = document.createElement('div');
      this._container.className = 'sportello-form';
      this.appendChild(this._container);
      // form-js re-renders fields as they change: translate what it writes, as it writes it
      this._observer = new MutationObserver(() => {
        this._observer.disconnect();
        translateTree(this._container, this._lang);
        this._observer.observe(this._container, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder'] });
      });
      this._observer.observe(this._container, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder'] });
    }
    this._render();
  }

  set schema(value) {
    this._schema = value ? JSON.parse(value) : null;
    this._render();
  }

  set data(value) {
    this._data = value ? JSON.parse(value) : {};
    this._render();
  }

  async _render() {
    if (!this._container || !this._schema) {
      return;
    }
    if (this._form) {
      this._form.destroy();
    }
    this._form = new Form({ container: this._container });
    try {
      await this._form.importSchema(this._schema, this._data);
      this.setAttribute('data-rendered', 'true');
      this.dispatchEvent(new CustomEvent('form-rendered'));
    } catch (err) {
      this.dispatchEvent(new CustomEvent('form-error', { detail: { message: String(err && err.message) } }));
    }
  }

  /** Validates in the browser; fires form-submit (valid) or form-invalid. */
  submit() {
    if (!this._form) {
      return;
    }
    const { data, errors } = this._form.submit();
    if (errors && Object.keys(errors).length > 0) {
      this.dispatchEvent(new CustomEvent('form-invalid', { detail: { fields: Object.keys(errors).join(',') } }));
    } else {
      this.dispatchEvent(new CustomEvent('form-submit', { detail: { data: JSON.stringify(data) } }));
    }
  }
}

customElements.define('sportello-form-viewer', SportelloFormViewer);
