// <sportello-form-viewer>: a Camunda Form (form-js JSON from Camunda Modeler) rendered by the
// bpmn.io form-js viewer exactly as designed: conditions, validation, groups, lists. The server
// calls submit(); a valid form fires "form-submit" with the data as JSON, an invalid one
// "form-invalid" (form-js shows the messages next to the fields). Light DOM: form-js styles are
// global stylesheets.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

class SportelloFormViewer extends HTMLElement {
  constructor() {
    super();
    this._schema = null;
    this._data = {};
    this._form = null;
  }

  connectedCallback() {
    if (!this._container) {
      this._container = document.createElement('div');
      this._container.className = 'sportello-form';
      this.appendChild(this._container);
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
