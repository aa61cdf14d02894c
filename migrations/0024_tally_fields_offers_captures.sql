-- The running key figures' captured columns, for three changes of this round together (docs/architecture.md,
-- "Key figures"): a finding's handling (TLP:RED records are in no shared count), a smuggling offer's route ends
-- and currency, an evidence row's capture role (a web capture counts once, by its screenshot), and requests to
-- platforms, which now leave their changes in tally_deltas like the other counted tables.
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
      'exploitation', r->'exploitation', 'referral', r->'referral', 'handling', r->'handling',
      'origin', r->'origin', 'destination', r->'destination', 'currency', r->'currency')
    WHEN 'evidence' THEN jsonb_build_object(
      'deleted_at', r->'deleted_at', 'country', r->'country', 'handling', r->'handling',
      'capture_role', r->'capture_role')
    WHEN 'matches' THEN jsonb_build_object(
      'status', r->'status', 'strength', r->'strength', 'identifier_kind', r->'identifier_kind',
      'public_parties', r->'public_parties', 'public_countries', r->'public_countries')
    WHEN 'memberships' THEN jsonb_build_object('country', r->'country')
    WHEN 'platform_requests' THEN jsonb_build_object(
      'kind', r->'kind', 'state', r->'state', 'legal_request_needed', r->'legal_request_needed', 'country', r->'country')
  END
$$;
--> statement-breakpoint
CREATE TRIGGER platform_requests_tally AFTER INSERT OR UPDATE OR DELETE ON platform_requests FOR EACH ROW EXECUTE FUNCTION tally_capture();
--> statement-breakpoint
-- running figures folded before these columns were captured are recounted at their next read
DELETE FROM tally_snapshots;
--> statement-breakpoint
DELETE FROM tally_deltas;
