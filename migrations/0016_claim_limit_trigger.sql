-- The claim limit, enforced where the claim is decided: a platform becoming claimed by a participant (a claim or
-- an assignment) first locks that participant's membership row, so one person's concurrent claims queue, then
-- counts what they already hold (each statement of a plpgsql function sees what committed before it) and refuses
-- with SQLSTATE AD001 at the operation's limit. A claim is then one statement (platforms.claims.ts), and every
-- path takes its locks in one order: the platform's row, then the membership's.
CREATE OR REPLACE FUNCTION claim_within_limit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  allowed integer;
  held integer;
BEGIN
  IF NEW.status = 'claimed' AND NEW.claimed_by IS NOT NULL
     AND (OLD.status IS DISTINCT FROM 'claimed' OR OLD.claimed_by IS DISTINCT FROM NEW.claimed_by) THEN
    PERFORM 1 FROM memberships WHERE id = NEW.claimed_by FOR UPDATE;
    SELECT claim_limit INTO allowed FROM operations WHERE id = NEW.operation_id;
    SELECT count(*) INTO held FROM platforms
      WHERE claimed_by = NEW.claimed_by AND status = 'claimed' AND id <> NEW.id;
    IF held >= allowed THEN
      RAISE EXCEPTION 'claim limit reached' USING ERRCODE = 'AD001';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER platforms_claim_limit BEFORE UPDATE OF status, claimed_by ON platforms
  FOR EACH ROW EXECUTE FUNCTION claim_within_limit();
