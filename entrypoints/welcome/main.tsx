import { render } from 'preact';
import { CHECK_MODE_CSS } from '../../components/CheckModeChoice';
import { SHARED_CSS, THEME_CSS } from '../../components/styles';
import { createBrowserWelcomeApi } from './api';
import { WelcomeApp } from './App';
import { WELCOME_CSS } from './styles';

const style = document.createElement('style');
style.textContent = THEME_CSS + SHARED_CSS + CHECK_MODE_CSS + WELCOME_CSS;
document.head.appendChild(style);

render(<WelcomeApp api={createBrowserWelcomeApi()} />, document.getElementById('app')!);
