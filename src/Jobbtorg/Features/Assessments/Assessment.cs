using System.Text.Json;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Assessments;

/// <summary>
/// One assessment of a case's person with one instrument: a draft while it is filled in, then signed with the result
/// the assessor confirmed, or chose instead of the suggestion with a reason. A signed assessment is never changed; a
/// new one supersedes it, and all stay readable. An imported assessment carries its result and date only.
/// </summary>
public class Assessment
{
    public const int MaxReasonLength = 1000;
    public const int MaxNameLength = 200;

    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case Case { get; set; } = null!;
    public Instrument Instrument { get; set; }
    /// <summary>The version the answers were given under; null for an assessment imported from another system.</summary>
    public int? InstrumentVersionId { get; set; }
    public InstrumentVersion? InstrumentVersion { get; set; }
    public AssessmentStatus Status { get; private set; } = AssessmentStatus.Draft;

    /// <summary>The answers as a JSON object from question key to answer (see <see cref="AnswerType"/>).</summary>
    public string Answers { get; private set; } = "{}";

    /// <summary>The day the assessment was made: set when it is signed.</summary>
    public DateOnly? AssessedOn { get; private set; }
    public Availability? SuggestedAvailability { get; private set; }
    public NeedCategory? SuggestedNeedCategory { get; private set; }
    public Availability? Availability { get; private set; }
    public NeedCategory? NeedCategory { get; private set; }
    /// <summary>Why the assessor chose another result than the suggested one; required then.</summary>
    public string? OverrideReason { get; private set; }
    /// <summary>The signed assessment of the same instrument this one replaces.</summary>
    public int? SupersedesId { get; private set; }

    public required string StartedBy { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? SignedBy { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    /// <summary>Made by the district's case worker (or a district's system) rather than at the job centre.</summary>
    public bool ByDistrict { get; set; }
    public bool Imported { get; private set; }

    /// <summary>Optimistic concurrency: two people saving the same draft cannot overwrite each other unseen.</summary>
    public int Version { get; private set; }

    public bool IsSigned => Status == AssessmentStatus.Signed;
    public bool Overridden => Availability != SuggestedAvailability || NeedCategory != SuggestedNeedCategory;

    public IReadOnlyDictionary<string, string> AnswerMap => ReadAnswers(Answers);

    /// <summary>The answers as stored in <see cref="Answers"/>, for a query that reads the column without the entity.</summary>
    public static Dictionary<string, string> ReadAnswers(string answers) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(answers) ?? [];

    /// <summary>A new draft for the case under the instrument's current version. The case must be open; a draft of the same
    /// instrument already open is the one to go on with.</summary>
    public static Assessment Begin(Case c, InstrumentVersion version, string by, bool byDistrict, DateTimeOffset now)
    {
        if (!c.IsOpen) throw new RuleBrokenException("The case is closed; no new assessment can be made.");
        return new Assessment
        {
            Case = c, CaseId = c.Id, Instrument = version.Instrument, InstrumentVersion = version, InstrumentVersionId = version.Id,
            StartedBy = by, StartedAt = now, UpdatedAt = now, ByDistrict = byDistrict,
        };
    }

    /// <summary>Replaces the draft's answers (already checked against the version's questions).</summary>
    public void SaveAnswers(IReadOnlyDictionary<string, string> answers, DateTimeOffset now)
    {
        if (IsSigned) throw new RuleBrokenException("A signed assessment cannot be changed; make a new one.");
        Answers = JsonSerializer.Serialize(answers.Where(a => !string.IsNullOrWhiteSpace(a.Value)).OrderBy(a => a.Key, StringComparer.Ordinal)
            .ToDictionary(a => a.Key, a => a.Value.Trim()));
        UpdatedAt = now;
        Version++;
    }

    /// <summary>
    /// Signs the draft on <paramref name="day"/> with the result the assessor chose. The suggestion is the one the rules give
    /// for the saved answers; a result that differs from it needs a reason. The day lies between the referral and the
    /// closure (an assessment needs no enrolment) and not after today. <paramref name="supersedes"/> is the latest signed
    /// assessment of the same instrument, if any.
    /// </summary>
    public void Sign(DateOnly day, DateOnly today, Availability availability, NeedCategory need, string? overrideReason,
        AssessmentSuggestion suggestion, Assessment? supersedes, string by, DateTimeOffset now)
    {
        if (IsSigned) throw new RuleBrokenException("The assessment is already signed.");
        CheckDay(Case, day, today);
        var reason = string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim();
        if ((availability != suggestion.Availability || need != suggestion.NeedCategory) && reason is null)
            throw new RuleBrokenException("Give a reason for choosing another result than the suggested one.");
        if (reason?.Length > MaxReasonLength)
            throw new RuleBrokenException("The reason may be at most {0} characters.", MaxReasonLength);
        Status = AssessmentStatus.Signed;
        AssessedOn = day;
        SuggestedAvailability = suggestion.Availability;
        SuggestedNeedCategory = suggestion.NeedCategory;
        Availability = availability;
        NeedCategory = need;
        OverrideReason = reason;
        SupersedesId = supersedes?.Id;
        SignedBy = by;
        SignedAt = now;
        UpdatedAt = now;
        Version++;
        Case.Assessed(day);
    }

    /// <summary>An assessment from another system's stream: signed, with its result and date only.</summary>
    public static Assessment FromImport(Case c, Instrument instrument, DateOnly day, Availability availability, NeedCategory need,
        string source, DateTimeOffset now)
    {
        var a = new Assessment
        {
            Case = c, CaseId = c.Id, Instrument = instrument, StartedBy = source, StartedAt = now, UpdatedAt = now,
            Status = AssessmentStatus.Signed, AssessedOn = day, Availability = availability, NeedCategory = need,
            SuggestedAvailability = availability, SuggestedNeedCategory = need, SignedBy = source, SignedAt = now, Imported = true,
        };
        c.Assessed(day);
        return a;
    }

    /// <summary>An assessment lies between the referral and the closure (domain.md, the case-event format; the rule is the
    /// case's lifecycle's, which the import asks too) and is not dated in the future.</summary>
    public static void CheckDay(Case c, DateOnly day, DateOnly today)
    {
        var life = CaseLifecycle.Referred(c.ReferralDate) with { Status = c.Status, Closure = c.ClosureDate };
        if (life.AssessmentDay(day) is { } broken) throw broken.ToException();
        if (day > today) throw new RuleBrokenException("The assessment cannot be dated in the future.");
    }
}
