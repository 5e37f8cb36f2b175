// Renderer entry: picks the transport (Electron's preload or web mode's WebSocket) and mounts the app.
import { mount } from 'svelte';
import '@xterm/xterm/css/xterm.css';
import './styles/app.css';
import App from './App.svelte';
import { connectApi } from './api/client';
import { API_CONTEXT } from './api/context';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target, context: new Map([[API_CONTEXT, connectApi()]]) });
