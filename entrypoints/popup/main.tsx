import { render } from 'preact';
import { SHARED_CSS, THEME_CSS } from '../../components/styles';
import { createBrowserApi } from './api';
import { App } from './App';
import pageCss from './popup.css?inline';

const style = document.createElement('style');
style.textContent = THEME_CSS + SHARED_CSS + pageCss;
document.head.appendChild(style);

render(<App api={createBrowserApi(location.search)} />, document.getElementById('app')!);
