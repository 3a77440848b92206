using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Referrals;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Programmes;

/// <summary>What creating or changing a programme came to: the programme, or the problems by field.</summary>
public sealed record ProgrammeChange(Programme? Programme, FieldErrors Errors);

/// <summary>What joining or leaving came to: the membership, or the problems by field.</summary>
public sealed record MembershipChange(ProgrammeMembership? Membership, FieldErrors Errors);

/// <summary>What a programme's intake came to.</summary>
public abstract record IntakeOutcome
{
    /// <summary>A new case, registered by the programme and in it from its referral date.</summary>
    public sealed record Created(Case Case) : IntakeOutcome;
    /// <summary>The person had an open case the caller sees: it joined the programme (or <see cref="Errors"/> say why not).</summary>
    public sealed record Existing(Case Case, FieldErrors Errors) : IntakeOutcome;
    public sealed record Invalid(FieldErrors Errors) : IntakeOutcome;
    /// <summary>The person has an open case the caller may not see: nothing is stored, nothing told.</summary>
    public sealed record OpenElsewhere : IntakeOutcome;
}

/// <summary>Programmes, their yearly costs, their members and their report, for the pages and the API alike. Who may do
/// what is asked of <see cref="AccessRules"/> by the callers; the cases shown are only those the caller may see.</summary>
public sealed class ProgrammeWork(JobbtorgDb db, CurrentUser user, CaseAccess access, TimeProvider clock, RegisterReferral referrals)
{
    private DbSet<Programme> Programmes => db.Set<Programme>();
    private DbSet<ProgrammeMembership> Memberships => db.Set<ProgrammeMembership>();

    public Task<List<Programme>> ListAsync(CancellationToken ct) =>
        Programmes.AsNoTracking().Include(p => p.Years).OrderBy(p => p.Name).ToListAsync(ct);

    public Task<Programme?> FindAsync(int id, CancellationToken ct) =>
        Programmes.Include(p => p.Years).FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The programme's members among the cases the caller may see, the current ones first.</summary>
    public Task<List<ProgrammeMembership>> MembersAsync(int programmeId, CancellationToken ct)
    {
        var visible = access.VisibleCases().Select(c => c.Id);
        return Memberships.AsNoTracking().Include(m => m.Case).ThenInclude(c => c.Participant)
            .Where(m => m.ProgrammeId == programmeId && visible.Contains(m.CaseId))
            .OrderBy(m => m.LeftOn != null).ThenByDescending(m => m.JoinedOn).ThenByDescending(m => m.Id).ToListAsync(ct);
    }

    /// <summary>How many members the programme has now, of every case (a count, no names).</summary>
    public Task<int> CurrentCountAsync(int programmeId, CancellationToken ct) =>
        Memberships.CountAsync(m => m.ProgrammeId == programmeId && m.LeftOn == null && m.Case.Status != CaseStatus.Closed, ct);

    public Task<List<ProgrammeMembership>> OfCaseAsync(int caseId, CancellationToken ct) =>
        Memberships.Include(m => m.Programme).Where(m => m.CaseId == caseId)
            .OrderBy(m => m.LeftOn != null).ThenByDescending(m => m.JoinedOn).ThenByDescending(m => m.Id).ToListAsync(ct);

    public async Task<ProgrammeChange> CreateAsync(ProgrammeRequest request, CancellationToken ct)
    {
        var errors = ProgrammeRules.Check(request);
        if (errors.Count == 0 && await NameTakenAsync(request.Name, null, ct)) errors.Refuse(nameof(request.Name), NameTaken);
        if (errors.Count > 0) return new(null, errors);
        var programme = Programme.Create(request, user.Name, clock.GetUtcNow());
        Programmes.Add(programme);
        return await SaveNamedAsync(programme, ct);
    }

    public async Task<ProgrammeChange?> EditAsync(int id, ProgrammeRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } programme) return null;
        var errors = ProgrammeRules.Check(request);
        if (errors.Count == 0 && await NameTakenAsync(request.Name, id, ct)) errors.Refuse(nameof(request.Name), NameTaken);
        if (errors.Count > 0) return new(null, errors);
        request.IsActive ??= programme.IsActive;
        programme.Edit(request);
        return await SaveNamedAsync(programme, ct);
    }

    private const string NameTaken = "There is a programme with this name already.";

    private Task<bool> NameTakenAsync(string? name, int? other, CancellationToken ct)
    {
        var key = Programme.KeyOf(name);
        return Programmes.AnyAsync(p => p.NameKey == key && p.Id != other, ct);
    }

    private async Task<ProgrammeChange> SaveNamedAsync(Programme programme, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new(programme, new FieldErrors());
        }
        catch (DbUpdateException e) when (TransactionRetry.LostARace(e))
        {
            // Someone gave another programme the name at the same moment: the unique index kept one.
            db.Entry(programme).State = EntityState.Detached;
            return new(null, new FieldErrors().Refuse(nameof(ProgrammeRequest.Name), NameTaken));
        }
    }

    /// <summary>Sets the programme's cost and external funding of a year; null when there is no such programme.</summary>
    public async Task<ProgrammeChange?> SetYearAsync(int id, ProgrammeYearRequest request, CancellationToken ct)
    {
        var errors = ProgrammeRules.Check(request, clock.Today());
        for (var attempt = 0; ; attempt++)
        {
            if (await FindAsync(id, ct) is not { } programme) return null;
            if (errors.Count > 0) return new(null, errors);
            programme.SetYear(request.Year!.Value, request.Cost!.Value, request.ExternalFunding ?? 0);
            try
            {
                await db.SaveChangesAsync(ct);
                return new(programme, errors);
            }
            catch (DbUpdateException e) when (attempt == 0 && TransactionRetry.LostARace(e))
            {
                // The same year set by someone else at the same moment: read it again and set it over theirs.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The case joins the programme. The caller has checked that it may (<see cref="Permission.JoinProgramme"/>
    /// on the case). A second join racing the first is refused by the one-open-membership index.</summary>
    public async Task<MembershipChange> JoinAsync(Case c, JoinProgrammeRequest request, CancellationToken ct)
    {
        var programme = request.ProgrammeId is { } pid ? await Programmes.FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        var today = clock.Today();
        var errors = ProgrammeRules.CheckJoin(programme, c, request.JoinedOn, await OfCaseAsync(c.Id, ct), today);
        if (request.ProgrammeId is null) errors = new FieldErrors().Refuse(nameof(request.ProgrammeId), "Choose the programme.");
        if (errors.Count > 0) return new(null, errors);
        var membership = ProgrammeMembership.Join(programme!, c, request.JoinedOn ?? today, false, user.Name, clock.GetUtcNow());
        Memberships.Add(membership);
        try
        {
            await db.SaveChangesAsync(ct);
            return new(membership, errors);
        }
        catch (DbUpdateException e) when (TransactionRetry.LostARace(e))
        {
            db.Entry(membership).State = EntityState.Detached;
            return new(null, new FieldErrors().Refuse(nameof(request.ProgrammeId), "The case is in the programme {0} already.", programme!.Name));
        }
    }

    public async Task<MembershipChange> LeaveAsync(Case c, ProgrammeMembership membership, LeaveProgrammeRequest request, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = ProgrammeRules.CheckLeave(membership, c, request.LeftOn, today);
        if (errors.Count > 0) return new(null, errors);
        membership.Leave(request.LeftOn ?? (c.ClosureDate is { } closed && closed < today ? closed : today), user.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new(membership, errors);
    }

    /// <summary>
    /// The programme takes a person in without a district's referral: the case is registered as any referral is (the
    /// district of residence chosen, booked on an info meeting) and joins the programme in the same save, flagged as taken
    /// in by the programme. A person with an open case the caller sees joins with that case.
    /// </summary>
    public async Task<IntakeOutcome> IntakeAsync(Programme programme, ReferralRequest request, ReferralChannel channel, CancellationToken ct)
    {
        if (!programme.IsActive)
            return new IntakeOutcome.Invalid(new FieldErrors().Refuse("", "The programme {0} is closed and takes no new members.", programme.Name));
        var today = clock.Today();
        void JoinNewCase(Case c)
        {
            if (!access.Can(Permission.JoinProgramme, c))
                throw new RuleBrokenException("The case would go to a job centre whose cases you may not place in a programme.");
            Memberships.Add(ProgrammeMembership.Join(programme, c, c.ReferralDate, true, user.Name, clock.GetUtcNow()));
        }
        switch (await referrals.HandleAsync(request, channel, ct, JoinNewCase))
        {
            case ReferralOutcome.Created created:
                return new IntakeOutcome.Created(created.Case);
            case ReferralOutcome.Existing existing:
                if (!access.Can(Permission.JoinProgramme, existing.Case))
                    return new IntakeOutcome.Existing(existing.Case, new FieldErrors().Refuse("", "You may not place this case in a programme."));
                var joined = await JoinAsync(existing.Case, new JoinProgrammeRequest { ProgrammeId = programme.Id, JoinedOn = today }, ct);
                return new IntakeOutcome.Existing(existing.Case, joined.Errors);
            case ReferralOutcome.Invalid invalid:
                return new IntakeOutcome.Invalid(invalid.Errors);
            default:
                return new IntakeOutcome.OpenElsewhere();
        }
    }

    /// <summary>The memberships of the cases within <paramref name="scope"/> that share a day with the period.</summary>
    public Task<List<MembershipFact>> FactsAsync(DateOnly from, DateOnly to, ReportScope scope, CancellationToken ct) =>
        Memberships.AsNoTracking()
            .Where(m => m.JoinedOn <= to && (m.LeftOn == null ? m.Case.ClosureDate == null || m.Case.ClosureDate >= from : m.LeftOn >= from))
            .Where(m => scope.DistrictId == null || m.Case.DistrictId == scope.DistrictId)
            .Select(m => new MembershipFact(m.ProgrammeId, m.CaseId, m.JoinedOn, m.LeftOn, m.TakenInByProgramme, m.Case.ClosureDate, m.Case.ClosureReason))
            .ToListAsync(ct);

    public async Task<ProgrammeReport> ReportAsync(ReportPeriod period, ReportScope scope, CancellationToken ct)
    {
        var programmes = await ListAsync(ct);
        var facts = await FactsAsync(period.From, period.To, scope, ct);
        return ProgrammeReport.Build(period, programmes, facts, scope.DistrictId);
    }
}
