// <sportello-bpmn-viewer>: a read-only BPMN diagram drawn by bpmn-js (bpmn.io), used by the
// Models page and the case view. Light DOM on purpose: bpmn-js styles are global stylesheets.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './bpmn-viewer.css';

class SportelloBpmnViewer extends HTMLElement {
  constructor() {
    super();
    this._xml = null;
    this._highlighted = [];
    this._viewer = null;
  }

  connectedCallback() {
    if (!this._viewer) {
      const canvas = document.createElement('div');
      canvas.className = 'sportello-bpmn-canvas';
      this.appendChild(canvas);
      this._viewer = new NavigatedViewer({ container: canvas });
    }
    if (this._xml) {
      this._render();
    }
  }

  set xml(value) {
    this._xml = value;
    if (this._viewer) {
      this._render();
    }
  }

  get xml() {
    return this._xml;
  }

  /** Ids of flow nodes to highlight (for example the current activities of a case). */
  set highlighted(value) {
    this._highlighted = Array.isArray(value) ? value : [];
    this._applyHighlights();
  }

  async _render() {
    try {
      await this._viewer.importXML(this._xml);
      this._viewer.get('canvas').zoom('fit-viewport', 'auto');
      this._applyHighlights();
      this.setAttribute('data-rendered', 'true');
      this.dispatchEvent(new CustomEvent('diagram-rendered'));
    } catch (err) {
      this.removeAttribute('data-rendered');
      this.dispatchEvent(new CustomEvent('diagram-error', { detail: { message: String(err && err.message) } }));
    }
  }

  _applyHighlights() {
    if (!this._viewer || !this.hasAttribute('data-rendered')) {
      return;
    }
    const canvas = this._viewer.get('canvas');
    const registry = this._viewer.get('elementRegistry');
    registry.forEach((element) => canvas.removeMarker(element.id, 'sportello-active'));
    this._highlighted
      .filter((id) => registry.get(id))
      .forEach((id) => canvas.addMarker(id, 'sportello-active'));
  }
}

customElements.define('sportello-bpmn-viewer', SportelloBpmnViewer);
