import { render } from 'preact';
import { CHECK_MODE_CSS } from '../../components/CheckModeChoice';
import { SHARED_CSS, THEME_CSS } from '../../components/styles';
import { createBrowserWelcomeApi } from './api';
import { WelcomeApp } from './App';
import pageCss from './welcome.css?inline';

const style = document.createElement('style');
style.textContent = THEME_CSS + SHARED_CSS + CHECK_MODE_CSS + pageCss;
document.head.appendChild(style);

render(<WelcomeApp api={createBrowserWelcomeApi()} />, document.getElementById('app')!);
