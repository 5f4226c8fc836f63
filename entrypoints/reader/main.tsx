import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SHARED_CSS, THEME_CSS } from '../../components/styles';
import { send } from '../../utils/messages';
import { getReport, readSource } from '../../utils/protocol/background';
import { parseReaderQuery } from '../../utils/reader/view';
import { App } from './App';
import pageCss from './reader.css?inline';

const style = document.createElement('style');
style.textContent = THEME_CSS + SHARED_CSS + pageCss;
document.head.appendChild(style);

render(
  <App
    target={parseReaderQuery(location.search)}
    api={{
      getReport: (tabId) => send(browser, getReport, { tabId }),
      readSource: (url) => send(browser, readSource, { url }),
    }}
  />,
  document.getElementById('app')!,
);
