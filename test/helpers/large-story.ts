// A synthetic story of N articles (varied outlets, languages, dates, entities, quotes) stored
// directly, for measuring how the story page copes with a large story.
import { testIndex } from './articles.js';
import type { StoryStore } from '../../src/store/index.js';
import { storedArticle } from './articles.js';

const OUTLETS = ['Northport Post', 'Coast Daily', 'Harbour Times', 'Island Radio', 'Le Port', 'Cảng Mới'];
const PEOPLE = ['Ana Reyes', 'Tom Baker', 'Lena Fischer', 'Minh Tran', 'Omar Haddad', 'Sara Lind', 'Piotr Nowak', 'Yuki Sato'];
const PLACES = ['Northport', 'Southbay', 'Eastisle', 'Westcliff'];

export async function addLargeStory(store: StoryStore, storyId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + (n % 180))).toISOString().slice(0, 10);
    const person = PEOPLE[i % PEOPLE.length]!;
    const sentence = `${person} said the ferry works at ${PLACES[i % PLACES.length]} reached stage ${i % 40} of the plan.`;
    await store.addArticle(
      storedArticle(`big${i}`, {
        contentHash: `big-${storyId}-${i}`,
        storyId,
        title: `Ferry works report ${i}: stage ${i % 40} at ${PLACES[i % PLACES.length]}`,
        text: Array.from({ length: 12 }, (_, p) => `${sentence} Paragraph ${p} adds detail on budgets, crews and timetables for the crossing.`).join('\n\n'),
        source: OUTLETS[i % OUTLETS.length]!,
        language: i % 5 === 0 ? 'fr' : 'en',
        published: { start: day(i), precision: 'day' },
        publishedSource: 'text',
        entities: [
          { name: person, type: 'person', aliases: [person.split(' ')[1]!], mentions: 3 },
          { name: PLACES[i % PLACES.length]!, type: 'place', aliases: [], mentions: 2 },
        ],
        dates: [0, 1, 2].map((k) => ({ start: day(i * 7 + k * 13), precision: 'day' as const, text: day(i * 7 + k * 13), sentence: `${sentence} (${k})`, offset: k, reference: false, kind: 'event' as const, tense: 'past' as const })),
        quotes: [{ speaker: person, speakerText: person, text: `We are on schedule with stage ${i % 40}`, kind: 'direct', start: 0, end: 1 }],
        ingestedAt: new Date(Date.UTC(2024, 6, 1, 0, 0, i)).toISOString(),
      }),
      { newStory: i === 0, dateUpdates: [], index: testIndex() },
    );
  }
}
