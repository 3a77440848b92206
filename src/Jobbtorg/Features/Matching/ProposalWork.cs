using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Employers;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Matching;

public abstract record ProposalOutcome
{
    public sealed record Done(Proposal Proposal) : ProposalOutcome;
    public sealed record Invalid(FieldErrors Errors) : ProposalOutcome;
    public sealed record Refused(Message Message) : ProposalOutcome;
    /// <summary>No such vacancy, proposal or case within the caller's reach.</summary>
    public sealed record NotFound : ProposalOutcome;
    /// <summary>The caller sees the case but may not propose or record on it.</summary>
    public sealed record Forbidden : ProposalOutcome;
}

/// <summary>The next step of a proposal as typed or sent: the status by name and its day; for Not selected the reason (by
/// name) and, for Other, a note; for Withdrawn a note; for Hired and Internship the placement's start (the step's day when
/// left out), end, wage form and subsidy.</summary>
public sealed record ProposalStepInput(string? Status, DateOnly? On, string? Reason = null, string? Note = null, DateOnly? PlacementStart = null,
    DateOnly? PlacementEnd = null, string? WageForm = null, string? Subsidy = null);

/// <summary>The rules of a proposal's steps, all problems at once by field (the names of <see cref="ProposalStepInput"/>).</summary>
public static class ProposalRules
{
    public const int MaxDaysAheadForInterview = 366;

    public static FieldErrors CheckStep(ProposalStepInput input, Proposal proposal, Vacancy vacancy, DateOnly today, out ProposalStatus to)
    {
        var errors = new FieldErrors();
        to = default;
        var status = EnumNames.ByName<ProposalStatus>(input.Status);
        if (status is null or ProposalStatus.Proposed)
            errors.Refuse(nameof(input.Status), "Choose the step: {0}.", string.Join(", ", Enum.GetNames<ProposalStatus>().Skip(1)));
        else
        {
            to = status.Value;
            if (!proposal.IsUnderWay) errors.Refuse(nameof(input.Status), "The proposal already has its outcome.");
            else if (to <= proposal.Status) errors.Refuse(nameof(input.Status), "The proposal has already come that far.");
            if (to == ProposalStatus.Hired && vacancy.Kind == PlacementKind.Internship)
                errors.Refuse(nameof(input.Status), "The vacancy is an internship: record the outcome Internship.");
        }

        var latest = to == ProposalStatus.Interview ? today.AddDays(MaxDaysAheadForInterview) : today;
        if (input.On is not { } on) errors.Refuse(nameof(input.On), "Give the day of the step.");
        else if (on < proposal.ProposedOn) errors.Refuse(nameof(input.On), "The day cannot be before the proposal ({0}).", proposal.ProposedOn);
        else if (on > latest)
            errors.Refuse(nameof(input.On), to == ProposalStatus.Interview ? "The interview is at most a year ahead." : "The day cannot be after today ({0}).", today);

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (note is { Length: > Proposal.NoteMaxLength }) errors.Refuse(nameof(input.Note), "This may be at most {0} characters.", Proposal.NoteMaxLength);
        if (to == ProposalStatus.NotSelected)
        {
            var reason = EnumNames.ByName<NotSelectedReason>(input.Reason);
            if (reason is null) errors.Refuse(nameof(input.Reason), "Say why the person was not selected: {0}.", string.Join(", ", Enum.GetNames<NotSelectedReason>()));
            else if (reason == NotSelectedReason.Other && note is null) errors.Refuse(nameof(input.Note), "Describe the reason in a few words.");
        }
        else if (!string.IsNullOrWhiteSpace(input.Reason) && status is not null)
            errors.Refuse(nameof(input.Reason), "Only Not selected has a reason; say more in the note.");
        if (to == ProposalStatus.Withdrawn && note is null) errors.Refuse(nameof(input.Note), "Say why the proposal is withdrawn.");
        // The placement's fields are read only for a hire or an internship, but a value given is always a known one.
        if (!string.IsNullOrWhiteSpace(input.WageForm) && EnumNames.ByName<Placements.WageForm>(input.WageForm) is null)
            errors.Refuse(nameof(input.WageForm), "Choose the wage form: CollectiveAgreement or AgreedWage.");
        if (!string.IsNullOrWhiteSpace(input.Subsidy) && EnumNames.ByName<PlacementSubsidy>(input.Subsidy) is null)
            errors.Refuse(nameof(input.Subsidy), "'{0}' is not a form of subsidy; use {1}.", input.Subsidy.Length > 40 ? input.Subsidy[..40] + "…" : input.Subsidy,
                string.Join(", ", Enum.GetNames<PlacementSubsidy>()));
        return errors;
    }
}

/// <summary>
/// Proposals for the pages and the API alike. A proposal takes one of the vacancy's places by a guarded update in the
/// same transaction as its row, so two matchers proposing for the last place at once cannot both have it: one is told
/// the places are taken. Not selected and Withdrawn give the place back; a hire or an internship records the placement on
/// the case (matched, linked to the employer and the vacancy; the district is told as for any placement) and fills the
/// vacancy when its last place is taken.
/// </summary>
public sealed class ProposalWork(JobbtorgDb db, CaseAccess access, CurrentUser user, TimeProvider clock, PlacementRecording placements)
{
    public Task<List<Proposal>> OfVacancyAsync(int vacancyId, CancellationToken ct) =>
        db.Set<Proposal>().AsNoTracking().Where(p => p.VacancyId == vacancyId && access.VisibleCases(Permission.ReadProposals).Any(c => c.Id == p.CaseId))
            .OrderBy(p => p.Status).ThenByDescending(p => p.ProposedAt).ThenByDescending(p => p.Id).ToListAsync(ct);

    public Task<List<Proposal>> OfCaseAsync(int caseId, CancellationToken ct) =>
        db.Set<Proposal>().AsNoTracking().Include(p => p.Vacancy).ThenInclude(v => v.Employer).Where(p => p.CaseId == caseId)
            .OrderBy(p => p.Status).ThenByDescending(p => p.ProposedAt).ThenByDescending(p => p.Id).ToListAsync(ct);

    /// <summary>The proposals under way the caller made, the oldest step first: the matcher's start page.</summary>
    public Task<List<Proposal>> MineUnderWayAsync(CancellationToken ct) =>
        db.Set<Proposal>().AsNoTracking().Include(p => p.Vacancy).ThenInclude(v => v.Employer)
            .Where(p => p.ProposedById == user.Id && Proposal.UnderWay.Contains(p.Status)
                        && access.VisibleCases(Permission.ReadProposals).Any(c => c.Id == p.CaseId))
            .OrderBy(p => p.ProposedOn).ThenBy(p => p.Id).Take(100).ToListAsync(ct);

    /// <summary>How many proposals of the vacancy there are of each status, whoever may see the cases.</summary>
    public async Task<Dictionary<ProposalStatus, int>> CountsAsync(int vacancyId, CancellationToken ct) =>
        (await db.Set<Proposal>().Where(p => p.VacancyId == vacancyId).GroupBy(p => p.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);

    public async Task<ProposalOutcome> ProposeAsync(int vacancyId, int caseId, CancellationToken ct)
    {
        var today = clock.Today();
        if (await db.Set<Vacancy>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == vacancyId, ct) is not { } found) return new ProposalOutcome.NotFound();
        if (await access.VisibleCases().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct) is not { } c) return new ProposalOutcome.NotFound();
        if (!access.Can(Permission.ProposeCandidates, c)) return new ProposalOutcome.Forbidden();
        try
        {
            return await db.InTransactionWithRetryAsync<ProposalOutcome>(async () =>
            {
                var vacancy = await db.Set<Vacancy>().FirstAsync(v => v.Id == vacancyId, ct);
                if (!c.IsOpen) throw new RuleBrokenException("The case is closed: it can get no proposal.");
                if (c.Status != CaseStatus.Enrolled)
                    throw new RuleBrokenException(c.Status == CaseStatus.Paused ? "The case is paused: propose the person when it is resumed." : "The case is not enrolled yet.");
                if (vacancy.Status == VacancyStatus.Filled) throw new RuleBrokenException("The vacancy is filled: it takes no more proposals.");
                if (vacancy.Status == VacancyStatus.Withdrawn) throw new RuleBrokenException("The vacancy is withdrawn: it takes no more proposals.");
                if (vacancy.LastDayToPropose < today) throw new RuleBrokenException("The last day to propose was {0}.", vacancy.LastDayToPropose);
                if (await db.Set<Proposal>().AnyAsync(p => p.VacancyId == vacancyId && p.CaseId == caseId, ct))
                    throw new RuleBrokenException("The person is already proposed for this vacancy.");
                if (await db.Placements.AnyAsync(p => p.CaseId == caseId && Placement.Jobs.Contains(p.Kind) && (p.EndDate == null || p.EndDate >= today), ct))
                    throw new RuleBrokenException("The person holds a job already.");

                var proposal = Proposal.Propose(vacancy, caseId, today, user.Name, user.Id, clock.GetUtcNow());
                db.Add(proposal);
                foreach (var help in await db.Set<MatchingHelpRequest>().Where(h => h.CaseId == caseId && h.Status != HelpRequestStatus.Done).ToListAsync(ct))
                    help.Finish(clock.GetUtcNow());
                await db.SaveChangesAsync(ct);
                // The place is taken last, right before the commit: other proposals for the vacancy wait on its row only that long.
                if (!await TakePlaceAsync(vacancyId, ct))
                    throw new RuleBrokenException("All {0} places of the vacancy are taken by proposals under way or hires.", new Counted(vacancy.Places));
                return new ProposalOutcome.Done(proposal);
            }, ct);
        }
        catch (RuleBrokenException refused)
        {
            db.ChangeTracker.Clear();
            return new ProposalOutcome.Refused(new Message(refused.Template, refused.Args));
        }
    }

    public async Task<ProposalOutcome> MoveAsync(int proposalId, ProposalStepInput input, CancellationToken ct)
    {
        var proposal = await db.Set<Proposal>().Include(p => p.Vacancy).ThenInclude(v => v.Employer).FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null) return new ProposalOutcome.NotFound();
        var c = await access.VisibleCases().Include(x => x.District).FirstOrDefaultAsync(x => x.Id == proposal.CaseId, ct);
        if (c is null) return new ProposalOutcome.NotFound();
        if (!access.Can(Permission.ProposeCandidates, c)) return new ProposalOutcome.Forbidden();
        var today = clock.Today();
        var errors = ProposalRules.CheckStep(input, proposal, proposal.Vacancy, today, out var to);
        if (errors.Count > 0) return new ProposalOutcome.Invalid(errors);
        if (Proposal.Placed.Contains(to) && !access.Can(Permission.RecordPlacement, c)) return new ProposalOutcome.Forbidden();
        try
        {
            return await db.InTransactionWithRetryAsync<ProposalOutcome>(async () =>
            {
                var now = clock.GetUtcNow();
                proposal.Move(to, input.On!.Value, EnumNames.ByName<NotSelectedReason>(input.Reason), input.Note, user.Name, now);
                if (to is ProposalStatus.NotSelected or ProposalStatus.Withdrawn)
                {
                    await db.SaveChangesAsync(ct);
                    await GiveBackPlaceAsync(proposal.VacancyId, ct);
                    return new ProposalOutcome.Done(proposal);
                }
                if (!Proposal.Placed.Contains(to))
                {
                    await db.SaveChangesAsync(ct);
                    return new ProposalOutcome.Done(proposal);
                }
                var placed = await PlaceAsync(c, proposal, to, input, ct);
                if (placed.Placement is null)
                {
                    db.ChangeTracker.Clear();
                    return new ProposalOutcome.Invalid(placed.Errors);
                }
                proposal.PlacedAs(placed.Placement.Id);
                var vacancy = proposal.Vacancy;
                var taken = await db.Set<Proposal>().CountAsync(p => p.VacancyId == vacancy.Id && Proposal.Placed.Contains(p.Status), ct);
                if (taken >= vacancy.Places && vacancy.Status == VacancyStatus.Open) vacancy.MarkFilled(user.Name, now);
                await db.SaveChangesAsync(ct);
                return new ProposalOutcome.Done(proposal);
            }, ct);
        }
        catch (RuleBrokenException refused)
        {
            db.ChangeTracker.Clear();
            return new ProposalOutcome.Refused(new Message(refused.Template, refused.Args));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new ProposalOutcome.Refused(new Message("Someone else changed the proposal at the same time. Reload and try again."));
        }
    }

    /// <summary>The placement of a hire or an internship, through the placements' own rules; their fields are named as the
    /// step's (PlacementStart, PlacementEnd, WageForm, Subsidy).</summary>
    private async Task<PlacementChange> PlaceAsync(Case c, Proposal proposal, ProposalStatus to, ProposalStepInput input, CancellationToken ct)
    {
        var vacancy = proposal.Vacancy;
        var kind = to == ProposalStatus.Internship ? PlacementKind.Internship : vacancy.Kind;
        var wage = kind == PlacementKind.Internship ? nameof(WageForm.Unpaid) : input.WageForm;
        var placementInput = new PlacementInput(kind.ToString(), input.PlacementStart ?? input.On, input.PlacementEnd, vacancy.Employer.Name,
            vacancy.Employer.OrganisationNumber, vacancy.HoursPerWeek, wage, kind == PlacementKind.SubsidizedEmployment ? input.Subsidy : null,
            Note: null, Matched: true);
        var result = await placements.RecordAsync(c, placementInput, ct, employerId: vacancy.EmployerId, vacancyId: vacancy.Id);
        if (result.Placement is null)
        {
            var renamed = new FieldErrors();
            foreach (var (field, messages) in result.Errors)
                foreach (var m in messages)
                    renamed.Add(field switch
                    {
                        PlacementRules.StartField => nameof(input.PlacementStart),
                        PlacementRules.EndField => nameof(input.PlacementEnd),
                        _ => field,
                    }, m);
            return result with { Errors = renamed };
        }
        return result;
    }

    /// <summary>A case closed withdraws its proposals under way and gives their places back.</summary>
    public static Task WithdrawForClosedCaseAsync(JobbtorgDb db, int caseId, string by, TimeProvider clock, CancellationToken ct) =>
        WithdrawForClosedCasesAsync(db, [caseId], by, clock.Today(), clock.GetUtcNow(), ct);

    /// <summary>As <see cref="WithdrawForClosedCaseAsync"/> for many cases at once (an import's closures), a thousand at a time.</summary>
    public static async Task WithdrawForClosedCasesAsync(JobbtorgDb db, IReadOnlyCollection<int> caseIds, string by, DateOnly today, DateTimeOffset now,
        CancellationToken ct)
    {
        foreach (var chunk in caseIds.Chunk(1000))
        {
            var underWay = db.Set<Proposal>().Where(p => chunk.Contains(p.CaseId) && Proposal.UnderWay.Contains(p.Status));
            var held = await underWay.GroupBy(p => p.VacancyId).Select(g => new { VacancyId = g.Key, Count = g.Count() }).ToListAsync(ct);
            if (held.Count == 0) continue;
            await underWay.ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Withdrawn).SetProperty(p => p.OutcomeOn, today)
                .SetProperty(p => p.ChangedBy, by).SetProperty(p => p.ChangedAt, now).SetProperty(p => p.Version, p => p.Version + 1), ct);
            foreach (var vacancy in held)
                await db.Set<Vacancy>().Where(v => v.Id == vacancy.VacancyId)
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.PlacesHeld, v => v.PlacesHeld >= vacancy.Count ? v.PlacesHeld - vacancy.Count : 0), ct);
        }
    }

    private async Task<bool> TakePlaceAsync(int vacancyId, CancellationToken ct) =>
        await db.Set<Vacancy>().Where(v => v.Id == vacancyId && v.Status == VacancyStatus.Open && v.PlacesHeld < v.Places)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.PlacesHeld, v => v.PlacesHeld + 1), ct) == 1;

    private Task GiveBackPlaceAsync(int vacancyId, CancellationToken ct) =>
        db.Set<Vacancy>().Where(v => v.Id == vacancyId && v.PlacesHeld > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.PlacesHeld, v => v.PlacesHeld - 1), ct);
}
