import { render } from 'preact';
import { SHARED_CSS, THEME_CSS } from '../../components/styles';
import { createBrowserApi } from './api';
import { App } from './App';
import { POPUP_CSS } from './styles';

const style = document.createElement('style');
style.textContent = THEME_CSS + SHARED_CSS + POPUP_CSS;
document.head.appendChild(style);

render(<App api={createBrowserApi(location.search)} />, document.getElementById('app')!);
