// The article's entities that can speak, and name tokens resolved against them (surnames, case stems, glued words).
import type { EntityMention } from '../../domain/index.js';
import { fold, foldKey } from './fold.js';
import { MIN_GLUED_SURNAME } from './limits.js';

export interface Form {
  keys: string[];
  folded: string;
  surface: string;
  entity: EntityMention;
}

export interface SpeakerIndex {
  full: Map<string, EntityMention[]>;
  byLast: Map<string, Form[]>;
  persons: Form[];
  forms: Form[];
}

/** Only people and organisations speak; places ("Moscow said") are left to the caller's metonymy rules. */
export function indexSpeakers(entities: EntityMention[]): SpeakerIndex {
  const index: SpeakerIndex = { full: new Map(), byLast: new Map(), persons: [], forms: [] };
  for (const entity of entities) {
    if (entity.type !== 'person' && entity.type !== 'organization') continue;
    for (const surface of new Set([entity.name, ...entity.aliases])) {
      const keys = surface.split(/\s+/).map(foldKey).filter(Boolean);
      if (keys.length === 0) continue;
      const form: Form = { keys, folded: fold(surface).replace(/\s+/g, ''), surface, entity };
      index.forms.push(form);
      addTo(index.full, keys.join(' '), entity);
      if (entity.type === 'person') {
        index.persons.push(form);
        index.byLast.set(keys.at(-1)!, [...(index.byLast.get(keys.at(-1)!) ?? []), form]);
      }
    }
  }
  return index;
}

function addTo(map: Map<string, EntityMention[]>, key: string, entity: EntityMention): void {
  const have = map.get(key) ?? [];
  if (!have.includes(entity)) have.push(entity);
  map.set(key, have);
}

/** Russian "Пескова" / Polish "Tuska" against the nominative alias: same stem, short endings. */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4) return false;
  let cp = 0;
  while (cp < a.length && cp < b.length && a[cp] === b[cp]) cp++;
  return cp >= Math.max(4, Math.min(a.length, b.length) - 2) && a.length - cp <= 3 && b.length - cp <= 3;
}

function uniqueEntity(entities: EntityMention[]): EntityMention | null {
  const set = new Set(entities);
  return set.size === 1 ? [...set][0]! : null;
}

/** "Sergei Peskov" must not become Dmitry Peskov: a written given name has to agree with the entity's. */
function givenNameConflict(given: string, entity: EntityMention, index: SpeakerIndex, inflected: boolean): boolean {
  const givens = index.forms.filter((f) => f.entity === entity && f.keys.length >= 2).map((f) => f.keys.at(-2)!);
  if (givens.length === 0) return false;
  return !givens.some((g) => g === given || (inflected && sameStem(g, given)) || (given.length === 1 && g.startsWith(given)));
}

/** Name tokens → entity: a whole form (longest suffix first), then the surname, then (inflected languages) the surname's stem. */
export function resolveName(keys: string[], index: SpeakerIndex, inflected: boolean): EntityMention | null {
  for (let k = 0; k < keys.length; k++) {
    const hits = index.full.get(keys.slice(k).join(' '));
    if (!hits) continue;
    const single = k === keys.length - 1 && k > 0;
    const ok = hits.filter((e) => !single || e.type !== 'person' || !givenNameConflict(keys[k - 1]!, e, index, inflected));
    return uniqueEntity(ok);
  }
  const last = keys.at(-1)!;
  let forms = index.byLast.get(last) ?? [];
  if (forms.length === 0 && inflected) forms = index.persons.filter((f) => sameStem(f.keys.at(-1)!, last));
  const given = keys.length >= 2 ? keys.at(-2)! : null;
  const found = uniqueEntity(forms.map((f) => f.entity).filter((e) => !given || !givenNameConflict(given, e, index, inflected)));
  return found ?? (given ? gluedSurname(given, last, index) : null);
}

/** "Sergei Narishkinhead": a surname glued to the next word; trusted only when the written given name is the entity's. */
function gluedSurname(given: string, last: string, index: SpeakerIndex): EntityMention | null {
  const hits = index.persons.filter((f) => {
    const surname = f.keys.at(-1)!;
    if (surname.length < MIN_GLUED_SURNAME || last.length - surname.length < 2 || !last.startsWith(surname)) return false;
    return index.forms.some((g) => g.entity === f.entity && g.keys.length >= 2 && g.keys.at(-2) === given);
  });
  return uniqueEntity(hits.map((f) => f.entity));
}

/** Unspaced scripts: the phrase starts or ends with a known form ("俄罗斯总统普京", "プーチン大統領"); longest wins, ties must agree. */
export function resolveUnspaced(phrase: string, index: SpeakerIndex): { form: Form; atStart: boolean } | null {
  const folded = fold(phrase);
  let best: { form: Form; atStart: boolean } | null = null;
  let tie = false;
  for (const form of index.forms) {
    const atEnd = folded.endsWith(form.folded);
    if (!atEnd && !folded.startsWith(form.folded)) continue;
    const len = form.folded.length;
    if (!best || len > best.form.folded.length) [best, tie] = [{ form, atStart: !atEnd }, false];
    else if (len === best.form.folded.length && form.entity !== best.form.entity) tie = true;
  }
  return tie ? null : best;
}
