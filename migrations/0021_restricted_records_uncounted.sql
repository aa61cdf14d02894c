-- TLP:RED records are in no shared count (docs/architecture.md, "What counts a viewer sees"): the running key
-- figures need a finding's handling to leave them out, so the captured columns of a finding now include it.
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
      'exploitation', r->'exploitation', 'referral', r->'referral', 'handling', r->'handling')
    WHEN 'evidence' THEN jsonb_build_object('deleted_at', r->'deleted_at', 'country', r->'country', 'handling', r->'handling')
    WHEN 'matches' THEN jsonb_build_object(
      'status', r->'status', 'strength', r->'strength', 'identifier_kind', r->'identifier_kind',
      'public_parties', r->'public_parties', 'public_countries', r->'public_countries')
    WHEN 'memberships' THEN jsonb_build_object('country', r->'country')
  END
$$;
--> statement-breakpoint
-- the running figures of live operations were folded with TLP:RED records in them: recounted at their next read
DELETE FROM tally_snapshots;
--> statement-breakpoint
DELETE FROM tally_deltas;
