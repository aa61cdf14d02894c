-- The running key figures count smuggling offers (by the route's ends and the currency) and requests to platforms:
-- tally_fields copies those columns too, and platform_requests leaves its changes in tally_deltas like the others.
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
      'exploitation', r->'exploitation', 'referral', r->'referral',
      'origin', r->'origin', 'destination', r->'destination', 'currency', r->'currency')
    WHEN 'evidence' THEN jsonb_build_object('deleted_at', r->'deleted_at', 'country', r->'country', 'handling', r->'handling')
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
