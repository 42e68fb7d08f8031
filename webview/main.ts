// The analysis panel's webview entry (bundled to dist/webview/main.js, with main.css beside it).
// Only the vscode-elements components the panel uses are registered, to keep the bundle small.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import './panel.css';
import { AnalysisApp, type VsCodeApi } from './ui/app';

declare function acquireVsCodeApi(): VsCodeApi;

const root = document.getElementById('app');
if (root) new AnalysisApp(root, acquireVsCodeApi());
