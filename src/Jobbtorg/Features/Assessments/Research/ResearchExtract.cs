using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jobbtorg.Data;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Assessments.Research;

/// <summary>One signed assessment in the research extract: no name, no personal number, no case reference and no id
/// that leads back; the person is a keyed pseudonym, the birth date a year, the day a month, and free-text answers are
/// left out.</summary>
public sealed record ResearchRow(
    string Person,
    int? BirthYear,
    string Gender,
    string TargetGroup,
    string District,
    string? ReportingGroup,
    string Instrument,
    int? Version,
    string AssessedMonth,
    string? SuggestedAvailability,
    string? SuggestedNeedCategory,
    string Availability,
    string NeedCategory,
    bool Overridden,
    bool ByDistrict,
    IReadOnlyDictionary<string, string> Answers,
    bool Enrolled,
    string? ClosureMonth,
    string? ClosureReason,
    bool? SelfSufficientWithin12Months,
    bool? PlanAgreedInTime);

/// <summary>The pseudonymised extract of signed assessments and the outcomes of their cases, for research.</summary>
public sealed class ResearchExtract(JobbtorgDb db, IOptions<ResearchOptions> options, TimeProvider clock)
{
    /// <summary>The longest period one extract covers.</summary>
    public const int MaxDays = 3660;

    public static readonly string[] Columns =
    [
        "person", "birthYear", "gender", "targetGroup", "district", "reportingGroup", "instrument", "version", "assessedMonth",
        "suggestedAvailability", "suggestedNeedCategory", "availability", "needCategory", "overridden", "byDistrict",
        "enrolled", "closureMonth", "closureReason", "selfSufficientWithin12Months", "planAgreedInTime",
    ];

    /// <summary>The person's pseudonym: HMAC-SHA256 of the personal number with the configured key, first 128 bits in hex.</summary>
    public static string Pseudonym(string personalNumber, byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(personalNumber)))[..32];

    /// <summary>The period's bounds checked: both days given, from not after to, at most <see cref="MaxDays"/> days.</summary>
    public static FieldErrors CheckPeriod(DateOnly? from, DateOnly? to, FieldErrors? errors = null)
    {
        errors ??= new FieldErrors();
        if (from is null && !errors.Has("from")) errors.Refuse("from", "Enter the first day of the period as yyyy-MM-dd.");
        if (to is null && !errors.Has("to")) errors.Refuse("to", "Enter the last day of the period as yyyy-MM-dd.");
        if (from is { } f && to is { } t)
        {
            if (f > t) errors.Refuse("to", "The last day must not be before the first day.");
            else if (t.DayNumber - f.DayNumber >= MaxDays) errors.Refuse("to", "One extract covers at most {0} days.", new Counted(MaxDays));
        }
        return errors;
    }

    public async Task<List<ResearchRow>> RowsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var key = options.Value.KeyBytes;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var found = await db.Assessments.AsNoTracking()
            .Where(a => a.Status == AssessmentStatus.Signed && a.AssessedOn >= from && a.AssessedOn <= to)
            .Select(a => new
            {
                a.Instrument, Version = a.InstrumentVersion == null ? (int?)null : a.InstrumentVersion.Version,
                Definition = a.InstrumentVersion == null ? null : a.InstrumentVersion.Definition,
                a.AssessedOn, a.SuggestedAvailability, a.SuggestedNeedCategory, a.Availability, a.NeedCategory,
                a.OverrideReason, a.ByDistrict, a.Answers,
                a.Case.Participant.PersonalNumber, a.Case.Participant.ErasedOn,
                a.Case.Gender, a.Case.TargetGroup, District = a.Case.District.Code, a.Case.ReportingGroup,
                a.Case.EnrolmentDate, a.Case.ClosureDate, a.Case.ClosureReason, a.Case.EnrolmentAnniversary,
                a.Case.FirstPlanDue, a.Case.FirstPlanAgreedOn, a.Case.FirstPauseOn,
            })
            .ToListAsync(ct);
        var definitions = new Dictionary<string, InstrumentDefinition>();
        var rows = new List<ResearchRow>(found.Count);
        foreach (var a in found)
        {
            var answers = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (a.Definition is not null)
            {
                if (!definitions.TryGetValue(a.Definition, out var definition))
                    definitions[a.Definition] = definition = InstrumentDefinition.Parse(a.Definition);
                var given = JsonSerializer.Deserialize<Dictionary<string, string>>(a.Answers) ?? [];
                foreach (var (k, v) in given)
                    if (definition.Find(k) is { Type: not AnswerType.FreeText } && !string.IsNullOrWhiteSpace(v)) answers[k] = v;
            }
            rows.Add(new ResearchRow(
                Pseudonym(a.PersonalNumber, key),
                a.ErasedOn is null && a.PersonalNumber.Length >= 4 && int.TryParse(a.PersonalNumber[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null,
                a.Gender.ToString(), a.TargetGroup.ToString(), a.District, a.ReportingGroup?.ToString(),
                a.Instrument.ToString(), a.Version, Month(a.AssessedOn)!,
                a.SuggestedAvailability?.ToString(), a.SuggestedNeedCategory?.ToString(),
                a.Availability?.ToString() ?? "", a.NeedCategory?.ToString() ?? "",
                a.OverrideReason is not null, a.ByDistrict, answers,
                a.EnrolmentDate is not null,
                Month(a.ClosureDate), a.ClosureReason?.ToString(),
                SelfSufficient(a.EnrolmentDate, a.ClosureDate, a.ClosureReason, a.EnrolmentAnniversary, today),
                PlanInTime(a.EnrolmentDate, a.FirstPlanDue, a.FirstPlanAgreedOn, a.FirstPauseOn, a.ClosureDate, today)));
        }
        // The order says nothing about when a case was made: by pseudonym, then by month.
        return rows.OrderBy(r => r.Person, StringComparer.Ordinal).ThenBy(r => r.AssessedMonth, StringComparer.Ordinal)
            .ThenBy(r => r.Instrument, StringComparer.Ordinal).ToList();
    }

    private static string? Month(DateOnly? day) => day?.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Closed as self-sufficient (work, studies, employment programme) within 12 months of enrolment: yes; not so by
    /// the anniversary, or closed otherwise: no; enrolled less than 12 months ago and still open: not known (empty).</summary>
    internal static bool? SelfSufficient(DateOnly? enrolled, DateOnly? closed, ClosureReason? reason, DateOnly? anniversary, DateOnly today)
    {
        if (enrolled is null || anniversary is null) return null;
        if (closed is { } c && c <= anniversary) return ClosureReasons.SelfSufficiency.Contains(reason);
        return anniversary < today ? false : closed is null ? null : false;
    }

    /// <summary>The first plan agreed by its deadline (the job guarantee): yes or no; empty when not enrolled, paused in
    /// time, closed before the deadline without a plan, or the deadline not yet passed.</summary>
    internal static bool? PlanInTime(DateOnly? enrolled, DateOnly? due, DateOnly? agreed, DateOnly? paused, DateOnly? closed, DateOnly today)
    {
        if (enrolled is null || due is null) return null;
        if (paused is { } p && p <= due) return null;
        if (agreed is { } a) return a <= due;
        if (closed is { } c && c <= due) return null;
        return due < today ? false : null;
    }

    /// <summary>The answer columns of the rows: every key answered in one of them, in order.</summary>
    public static IReadOnlyList<string> AnswerKeys(IEnumerable<ResearchRow> rows) =>
        rows.SelectMany(r => r.Answers.Keys).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Semicolon-separated with a BOM, as Swedish Excel opens it; one column per answered question, named
    /// <c>answer.key</c>.</summary>
    public static byte[] Csv(IReadOnlyList<ResearchRow> rows)
    {
        var keys = AnswerKeys(rows);
        var text = new StringBuilder();
        text.AppendJoin(';', Columns.Concat(keys.Select(k => "answer." + k))).Append("\r\n");
        foreach (var r in rows)
        {
            string?[] values =
            [
                r.Person, r.BirthYear?.ToString(CultureInfo.InvariantCulture), r.Gender, r.TargetGroup, r.District, r.ReportingGroup,
                r.Instrument, r.Version?.ToString(CultureInfo.InvariantCulture), r.AssessedMonth, r.SuggestedAvailability,
                r.SuggestedNeedCategory, r.Availability, r.NeedCategory, Bool(r.Overridden), Bool(r.ByDistrict), Bool(r.Enrolled),
                r.ClosureMonth, r.ClosureReason, Bool(r.SelfSufficientWithin12Months), Bool(r.PlanAgreedInTime),
            ];
            text.AppendJoin(';', values.Concat(keys.Select(k => r.Answers.GetValueOrDefault(k))).Select(Field)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string? Bool(bool? value) => value switch { true => "yes", false => "no", null => "" };

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // A cell Excel would take for a formula is kept as text.
        if (value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static readonly JsonSerializerOptions Ndjson = new(JsonSerializerDefaults.Web);

    /// <summary>One JSON object a line, the answers as an object.</summary>
    public static byte[] NdJson(IReadOnlyList<ResearchRow> rows)
    {
        var text = new StringBuilder();
        foreach (var r in rows) text.Append(JsonSerializer.Serialize(r, Ndjson)).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
