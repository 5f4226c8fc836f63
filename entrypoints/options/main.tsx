import { render } from 'preact';
import { CHECK_MODE_CSS } from '../../components/CheckModeChoice';
import { SHARED_CSS, THEME_CSS } from '../../components/styles';
import { createBrowserOptionsApi } from './api';
import { createBrowserJudgeApi } from './judge-api';
import { OptionsApp } from './App';
import pageCss from './options.css?inline';

const style = document.createElement('style');
style.textContent = THEME_CSS + SHARED_CSS + CHECK_MODE_CSS + pageCss;
document.head.appendChild(style);

render(<OptionsApp api={createBrowserOptionsApi()} judgeApi={createBrowserJudgeApi()} />, document.getElementById('app')!);
