/**
 * The FAQ and videos for `npm run bench`: the demo FAQ (five-fold, so the page has ~40 questions in
 * four languages) and one uploaded video with captions whose page is measured.
 */
import type { Sql } from "postgres";
import { FAQ_CATEGORIES } from "../../db/seed-data/faq";

export const BENCH_VIDEO_SLUG = "bench-erklaervideo";

export async function generateFaq(sql: Sql): Promise<{ entries: number }> {
  let entries = 0;
  await sql.begin(async (tx) => {
    for (const [position, category] of FAQ_CATEGORIES.entries()) {
      const [row] = await tx<{ id: string }[]>`
        insert into faq_categories (id, slug, names, position)
        values (md5(${`bench-faq-cat-${category.slug}`})::uuid::text, ${category.slug}, ${tx.json(category.names)}, ${position})
        returning id`;
      for (let copy = 0; copy < 5; copy += 1) {
        for (const [index, entry] of category.entries.entries()) {
          const slug = copy === 0 ? entry.slug : `${entry.slug}-${copy}`;
          const [inserted] = await tx<{ id: string }[]>`
            insert into faq_entries (id, category_id, slug, position, published)
            values (md5(${`bench-faq-${slug}`})::uuid::text, ${row!.id}, ${slug}, ${copy * 10 + index}, true)
            returning id`;
          entries += 1;
          for (const locale of ["de", "en", "ar", "uk"] as const) {
            const text = entry[locale];
            if (!text) continue;
            await tx`
              insert into faq_translations (entry_id, locale, question, answer, source_version)
              values (${inserted!.id}, ${locale}, ${copy === 0 ? text.question : `${text.question} (${copy})`}, ${text.answer}, 1)`;
          }
        }
      }
    }
    const [media] = await tx<{ id: string }[]>`
      insert into video_media (id, content_type, byte_size, chunk_size, complete)
      values (md5('bench-video-media')::uuid::text, 'video/webm', 4, 262144, true) returning id`;
    await tx`insert into video_media_chunks (media_id, seq, data) values (${media!.id}, 0, decode('1a45dfa3', 'hex'))`;
    const [video] = await tx<{ id: string }[]>`
      insert into videos (id, slug, kind, media_id, published, position)
      values (md5('bench-video')::uuid::text, ${BENCH_VIDEO_SLUG}, 'upload', ${media!.id}, true, 0) returning id`;
    await tx`
      insert into video_translations (video_id, locale, title, description, transcript, source_version)
      values (${video!.id}, 'de', 'So funktioniert das Netzwerk', 'Ein kurzer Überblick.', ${"**Sprecherin:** Willkommen.\n\n".repeat(40)}, 1)`;
    await tx`
      insert into video_captions (video_id, locale, vtt)
      values (${video!.id}, 'de', ${"WEBVTT\n\n00:00.000 --> 00:02.000\nWillkommen\n"})`;
  });
  return { entries };
}
