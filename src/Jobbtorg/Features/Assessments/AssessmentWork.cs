using System.Globalization;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Assessments;

/// <summary>Signing a draft: the day (today when not given), the result (the suggestion when not given), and the reason
/// when the result differs from the suggestion.</summary>
[CheckedByUseCase]
public sealed class SignRequest
{
    public DateOnly? Date { get; init; }
    public Availability? Availability { get; init; }
    public NeedCategory? NeedCategory { get; init; }
    public string? OverrideReason { get; init; }
}

public abstract record AssessmentOutcome
{
    /// <param name="Created">A new draft was begun (rather than the open one found).</param>
    public sealed record Done(Assessment Assessment, bool Created = false) : AssessmentOutcome;
    public sealed record NotFound : AssessmentOutcome;
    public sealed record Forbidden : AssessmentOutcome;
    public sealed record Invalid(FieldErrors Errors) : AssessmentOutcome;
    public sealed record Refused(Message Message) : AssessmentOutcome;
}

/// <summary>
/// Doing an assessment on a case, for the pages and the API alike: beginning a draft under the instrument's current
/// version (the open draft of the same instrument is the one to go on with), saving answers as one goes (each checked
/// against its question), and signing with the suggested result or another one with a reason. A signed assessment
/// supersedes the latest signed one of the same instrument. Who may: <see cref="Permission.MakeInitialAssessment"/> or
/// <see cref="Permission.MakeInDepthAssessment"/> on the case (the district's case worker the initial one, also before
/// the enrolment).
/// </summary>
public sealed class AssessmentWork(JobbtorgDb db, CaseAccess access, CurrentUser user, TimeProvider clock, AnswerCheck check,
    AccessLog.AccessLogContext accessLog)
{
    public static Permission MakePermission(Instrument instrument) =>
        instrument == Instrument.Initial ? Permission.MakeInitialAssessment : Permission.MakeInDepthAssessment;

    public bool MayMake(Case c, Instrument instrument) => access.Can(MakePermission(instrument), c);
    public bool MayRead(Case c) => access.Can(Permission.ReadAssessment, c);
    public bool MayReadAnswers(Case c) => access.Can(Permission.ReadAssessmentAnswers, c);

    /// <summary>The case within the caller's reach for reading assessments; null when it is not.</summary>
    public Task<Case?> FindCaseAsync(int caseId, CancellationToken ct) =>
        access.VisibleCases(Permission.ReadAssessment).Include(c => c.Participant).Include(c => c.District)
            .FirstOrDefaultAsync(c => c.Id == caseId, ct);

    /// <summary>The case's assessments, newest first, with their versions.</summary>
    public Task<List<Assessment>> ListAsync(int caseId, CancellationToken ct) =>
        db.Assessments.Include(a => a.InstrumentVersion).Where(a => a.CaseId == caseId)
            .OrderByDescending(a => a.StartedAt).ThenByDescending(a => a.Id).ToListAsync(ct);

    /// <summary>The assessment, if its case is within the caller's reach for reading assessments.</summary>
    public async Task<Assessment?> FindAsync(int id, CancellationToken ct, bool tracking = false)
    {
        var cases = access.VisibleCases(Permission.ReadAssessment);
        var query = db.Assessments.Include(a => a.InstrumentVersion).Include(a => a.Case).ThenInclude(c => c.Participant)
            .Include(a => a.Case).ThenInclude(c => c.District)
            .Where(a => a.Id == id && cases.Any(c => c.Id == a.CaseId));
        var a = await (tracking ? query.AsTracking() : query).FirstOrDefaultAsync(ct);
        if (a is not null) accessLog.Concerns(a.Case);
        return a;
    }

    /// <summary>The signed assessment <paramref name="a"/> replaced, if any.</summary>
    public Task<Assessment?> SupersededAsync(Assessment a, CancellationToken ct) =>
        a.SupersedesId is { } id
            ? db.Assessments.Include(x => x.InstrumentVersion).FirstOrDefaultAsync(x => x.Id == id && x.CaseId == a.CaseId, ct)
            : Task.FromResult<Assessment?>(null);

    public Task<InstrumentVersion?> CurrentVersionAsync(Instrument instrument, CancellationToken ct) =>
        db.InstrumentVersions.Where(v => v.Instrument == instrument).OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);

    /// <summary>Begins a draft of <paramref name="instrument"/> under its current version, or opens the draft already begun.
    /// <paramref name="version"/>, when given, must be that current version.</summary>
    public async Task<AssessmentOutcome> BeginAsync(int caseId, Instrument instrument, int? version, CancellationToken ct)
    {
        var c = await access.VisibleCases(Permission.ReadAssessment).AsTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return new AssessmentOutcome.NotFound();
        if (!MayMake(c, instrument)) return new AssessmentOutcome.Forbidden();
        var current = await CurrentVersionAsync(instrument, ct);
        if (current is null)
            return new AssessmentOutcome.Invalid(new FieldErrors().Refuse("instrument", "The instrument has no published version."));
        if (version is { } v && v != current.Version)
        {
            var exists = await db.InstrumentVersions.AnyAsync(x => x.Instrument == instrument && x.Version == v, ct);
            return new AssessmentOutcome.Invalid(new FieldErrors().Refuse("instrumentVersion", exists
                ? "Version {0} is no longer current; new assessments are made under version {1}."
                : "The instrument has no version {0}; the current one is {1}.", v, current.Version));
        }
        var open = await db.Assessments.Include(a => a.InstrumentVersion).AsTracking()
            .FirstOrDefaultAsync(a => a.CaseId == caseId && a.Instrument == instrument && a.Status == AssessmentStatus.Draft, ct);
        if (open is not null) return new AssessmentOutcome.Done(open);
        if (!c.IsOpen) return new AssessmentOutcome.Refused(new Message("The case is closed; no new assessment can be made."));
        var draft = Assessment.Begin(c, current, user.Name, ByDistrict, clock.GetUtcNow());
        db.Assessments.Add(draft);
        await db.SaveChangesAsync(ct);
        return new AssessmentOutcome.Done(draft, Created: true);
    }

    private bool ByDistrict => user.Access.IsApiKey || user.Access.Roles.Contains(Roles.CaseWorker);

    /// <summary>Replaces the draft's answers with <paramref name="answers"/> (a partial set is fine). Each answer is checked
    /// against its question; <paramref name="expectedVersion"/>, when given, is the draft's version the caller saw, and a
    /// draft saved by someone else since is refused rather than overwritten.</summary>
    public async Task<AssessmentOutcome> SaveAsync(int id, IReadOnlyDictionary<string, string?> answers, int? expectedVersion,
        string prefix, CancellationToken ct)
    {
        var a = await FindAsync(id, ct, tracking: true);
        if (a is null) return new AssessmentOutcome.NotFound();
        if (!MayMake(a.Case, a.Instrument)) return new AssessmentOutcome.Forbidden();
        if (a.IsSigned) return new AssessmentOutcome.Refused(new Message("A signed assessment cannot be changed; make a new one."));
        if (expectedVersion is { } seen && seen != a.Version) return new AssessmentOutcome.Refused(SavedMeanwhile);
        var (stored, errors) = check.Check(a.InstrumentVersion!.Parsed, answers, prefix);
        if (errors.Count > 0) return new AssessmentOutcome.Invalid(errors);
        a.SaveAnswers(stored, clock.GetUtcNow());
        return await SaveChangesAsync(a, ct);
    }

    private static readonly Message SavedMeanwhile =
        new("Someone else saved this assessment meanwhile. Reload it to see their answers before you go on.");

    /// <summary>What the rules suggest for the draft's answers.</summary>
    public static AssessmentSuggestion Suggestion(Assessment a) => a.InstrumentVersion!.Parsed.Suggest(a.AnswerMap);

    /// <summary>Signs the draft. Field errors name <c>date</c>, <c>overrideReason</c> and each unanswered required question
    /// (under <paramref name="answersPrefix"/>); nothing is stored then.</summary>
    public async Task<AssessmentOutcome> SignAsync(int id, SignRequest request, string answersPrefix, CancellationToken ct)
    {
        var a = await FindAsync(id, ct, tracking: true);
        if (a is null) return new AssessmentOutcome.NotFound();
        if (!MayMake(a.Case, a.Instrument)) return new AssessmentOutcome.Forbidden();
        if (a.IsSigned) return new AssessmentOutcome.Refused(new Message("The assessment is already signed."));
        var definition = a.InstrumentVersion!.Parsed;
        var answers = a.AnswerMap;
        var suggestion = definition.Suggest(answers);
        var today = clock.Today();
        var day = request.Date ?? today;
        var availability = request.Availability ?? suggestion.Availability;
        var need = request.NeedCategory ?? suggestion.NeedCategory;
        var reason = string.IsNullOrWhiteSpace(request.OverrideReason) ? null : request.OverrideReason.Trim();

        var errors = AnswerCheck.Missing(definition, answers.ToDictionary(), answersPrefix);
        try
        {
            Assessment.CheckDay(a.Case, day, today);
        }
        catch (RuleBrokenException broken)
        {
            errors.Refuse("date", new Message(broken.Template, broken.Args));
        }
        if ((availability != suggestion.Availability || need != suggestion.NeedCategory) && reason is null)
            errors.Refuse("overrideReason", "Give a reason for choosing another result than the suggested one.");
        else if (reason?.Length > Assessment.MaxReasonLength)
            errors.Refuse("overrideReason", "The reason may be at most {0} characters.", Assessment.MaxReasonLength);
        if (errors.Count > 0) return new AssessmentOutcome.Invalid(errors);

        var supersedes = await db.Assessments.AsTracking()
            .Where(x => x.CaseId == a.CaseId && x.Instrument == a.Instrument && x.Status == AssessmentStatus.Signed && x.Id != a.Id)
            .OrderByDescending(x => x.AssessedOn).ThenByDescending(x => x.SignedAt).ThenByDescending(x => x.Id).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        try
        {
            a.Sign(day, today, availability, need, reason, suggestion, supersedes, user.Name, now);
        }
        catch (RuleBrokenException broken)
        {
            return new AssessmentOutcome.Refused(new Message(broken.Template, broken.Args));
        }
        AssessmentSigned.Follow(db, a, now);
        return await SaveChangesAsync(a, ct);
    }

    private async Task<AssessmentOutcome> SaveChangesAsync(Assessment a, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new AssessmentOutcome.Refused(SavedMeanwhile);
        }
        return new AssessmentOutcome.Done(a);
    }

    /// <summary>The culture answers are shown in.</summary>
    public static CultureInfo Culture => CultureInfo.CurrentUICulture;
}
