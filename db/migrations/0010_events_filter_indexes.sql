CREATE INDEX "events_topic_idx" ON "events" USING btree ("topic");--> statement-breakpoint
CREATE INDEX "events_municipality_idx" ON "events" USING btree ("municipality");--> statement-breakpoint
CREATE INDEX "events_languages_idx" ON "events" USING gin ("languages");