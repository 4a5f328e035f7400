import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { extractArticle } from './index.js';

const extract = (body: string) => extractArticle({ origin: 'flash.txt', format: 'text', body, hints: {} });

test('a one-line flash in Chinese, Japanese or Thai is the article text, not a title over nothing', () => {
  for (const flash of ['四川省宜宾市今日凌晨发生里氏5.2级地震，暂无人员伤亡报告。', '東京都内で震度4の地震、津波の心配なし。', 'ข่าวด่วน นายกรัฐมนตรีประกาศยุบสภาวันนี้']) {
    assert.equal(extract(flash).text, flash);
  }
});

test('menus of short labels in those scripts, and flashes shorter than a sentence, are still not articles', () => {
  for (const menu of ['首页 新闻 体育 财经 娱乐 科技 汽车 房产', 'ホーム ニュース スポーツ 経済 エンタメ', '首页 | 国际新闻 | 国内新闻 | 体育新闻 | 财经新闻', 'หน้าแรก ข่าว กีฬา บันเทิง ข่าวต่างประเทศ', '东京发生地震']) {
    assert.throws(() => extract(menu), /no article text found/, menu);
  }
});
