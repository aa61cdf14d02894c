-- Every change of a countable record leaves its countable columns before (-1) and after (+1) in tally_deltas,
-- in the change's own transaction: the running key figures are the last snapshot plus these (tallies.running.ts),
-- exactly equal to a recount. The columns are those a figure, the per-country table or the progress may count.
CREATE OR REPLACE FUNCTION tally_fields(tbl text, r jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT CASE tbl
    WHEN 'platforms' THEN jsonb_build_object(
      'status', r->'status', 'verdict', r->'verdict', 'follow_up', r->'follow_up', 'discovered', r->'discovered',
      'category', r->'category', 'tags', r->'tags', 'country_focus', r->'country_focus',
      'checker_country', (SELECT to_jsonb(m.country) FROM memberships m WHERE m.id = (r->>'checked_by')::uuid))
    WHEN 'findings' THEN jsonb_build_object(
      'kind', r->'kind', 'deleted_at', r->'deleted_at', 'country', r->'country', 'tags', r->'tags',
      'identified', r->'identified', 'nationality', r->'nationality', 'role', r->'role',
      'identifier_kind', r->'identifier_kind', 'result', r->'result', 'minor', r->'minor',
      'exploitation', r->'exploitation', 'referral', r->'referral')
    WHEN 'evidence' THEN jsonb_build_object('deleted_at', r->'deleted_at', 'country', r->'country', 'handling', r->'handling')
    WHEN 'matches' THEN jsonb_build_object(
      'status', r->'status', 'strength', r->'strength', 'identifier_kind', r->'identifier_kind',
      'public_parties', r->'public_parties', 'public_countries', r->'public_countries')
    WHEN 'memberships' THEN jsonb_build_object('country', r->'country')
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tally_capture() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before jsonb;
  after jsonb;
  operation uuid;
BEGIN
  IF TG_OP <> 'INSERT' THEN before := tally_fields(TG_TABLE_NAME, to_jsonb(OLD)); END IF;
  IF TG_OP <> 'DELETE' THEN after := tally_fields(TG_TABLE_NAME, to_jsonb(NEW)); END IF;
  IF before IS NOT DISTINCT FROM after THEN RETURN NULL; END IF;
  operation := COALESCE(to_jsonb(NEW)->>'operation_id', to_jsonb(OLD)->>'operation_id')::uuid;
  IF before IS NOT NULL THEN
    INSERT INTO tally_deltas (operation_id, subject, sign, fields) VALUES (operation, TG_TABLE_NAME, -1, before);
  END IF;
  IF after IS NOT NULL THEN
    INSERT INTO tally_deltas (operation_id, subject, sign, fields) VALUES (operation, TG_TABLE_NAME, 1, after);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER platforms_tally AFTER INSERT OR UPDATE OR DELETE ON platforms FOR EACH ROW EXECUTE FUNCTION tally_capture();
--> statement-breakpoint
CREATE TRIGGER findings_tally AFTER INSERT OR UPDATE OR DELETE ON findings FOR EACH ROW EXECUTE FUNCTION tally_capture();
--> statement-breakpoint
CREATE TRIGGER evidence_tally AFTER INSERT OR UPDATE OR DELETE ON evidence FOR EACH ROW EXECUTE FUNCTION tally_capture();
--> statement-breakpoint
CREATE TRIGGER matches_tally AFTER INSERT OR UPDATE OR DELETE ON matches FOR EACH ROW EXECUTE FUNCTION tally_capture();
--> statement-breakpoint
CREATE TRIGGER memberships_tally AFTER INSERT OR UPDATE OR DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION tally_capture();
