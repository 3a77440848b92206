using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jobbtorg.Calendar;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Attendance;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;

namespace Jobbtorg.Features.Import;

public enum CaseEventType
{
    Referral, InfoMeeting, Enrolment, PlanAgreed, Pause, Resume, Attendance, Placement, Closure, BenefitMonth, OccupationStatus, Assessment,
}

/// <summary>
/// One line of the case-event format (domain.md), parsed and checked field by field. Only the fields of its
/// type are set. <see cref="Date"/> is the event's date (a placement's start, a benefit month's first day).
/// </summary>
public sealed class CaseEvent
{
    public CaseEventType Type { get; init; }
    public string? CaseRef { get; init; }
    public string? PersonalNumber { get; init; }
    public DateOnly Date { get; init; }

    // referral
    public string? District { get; init; }
    public TargetGroup TargetGroup { get; init; }
    public Gender Gender { get; init; }
    public bool ReceivesBenefit { get; init; }
    public bool HasChildren { get; init; }
    public bool NewlyUnemployed { get; init; }
    public bool NewlyArrived { get; init; }
    /// <summary>The person has protected personal data; optional, written only when true.</summary>
    public bool ProtectedIdentity { get; set; }

    /// <summary>The event as a fact of the case. The marking belongs to the person and may change after the referral, so an
    /// import recognises a referral it already holds whatever the line says of it.</summary>
    public CaseEvent AsFact()
    {
        if (!ProtectedIdentity) return this;
        var copy = (CaseEvent)MemberwiseClone();
        copy.ProtectedIdentity = false;
        return copy;
    }

    public bool Attended { get; init; }                       // infoMeeting
    public string? JobCentre { get; init; }                   // enrolment
    public string? Coach { get; init; }                       // enrolment
    public PauseReason PauseReason { get; init; }             // pause
    public AttendanceStatus AttendanceStatus { get; init; }   // attendance
    public PlacementKind PlacementKind { get; init; }         // placement
    public DateOnly? End { get; init; }                       // placement
    public string? Employer { get; init; }                    // placement
    public bool Matched { get; init; }                        // placement; absent = false
    public ClosureReason ClosureReason { get; init; }         // closure
    public ClosureSubReason? ClosureSubReason { get; init; }  // closure
    public OccupationStatus OccupationStatus { get; init; }   // occupationStatus
    public Instrument Instrument { get; init; }               // assessment
    public Availability Availability { get; init; }           // assessment
    public NeedCategory NeedCategory { get; init; }           // assessment

    public bool IsCaseEvent => Type is not (CaseEventType.BenefitMonth or CaseEventType.OccupationStatus);
}

/// <summary>Reads and writes the case-event format. Writing is canonical: the same event always gives the same
/// bytes, so an import recognises events it already holds by comparing them with the export's lines.</summary>
public static class CaseEventFormat
{
    public const string ContentType = "application/x-ndjson";

    private static readonly Dictionary<string, CaseEventType> TypeNames = new()
    {
        ["referral"] = CaseEventType.Referral, ["infoMeeting"] = CaseEventType.InfoMeeting, ["enrolment"] = CaseEventType.Enrolment,
        ["planAgreed"] = CaseEventType.PlanAgreed, ["pause"] = CaseEventType.Pause, ["resume"] = CaseEventType.Resume,
        ["attendance"] = CaseEventType.Attendance, ["placement"] = CaseEventType.Placement, ["closure"] = CaseEventType.Closure,
        ["benefitMonth"] = CaseEventType.BenefitMonth, ["occupationStatus"] = CaseEventType.OccupationStatus,
        ["assessment"] = CaseEventType.Assessment,
    };
    private static readonly Dictionary<CaseEventType, string> NameOfType = TypeNames.ToDictionary(x => x.Value, x => x.Key);

    /// <summary>Parses one line; on failure <paramref name="error"/> says what is wrong.</summary>
    public static CaseEvent? Parse(ReadOnlySpan<byte> line, DateOnly today, out Message? error)
    {
        error = null;
        CaseEventLine? raw;
        try
        {
            raw = JsonSerializer.Deserialize(line, CaseEventJson.Default.CaseEventLine);
        }
        catch (JsonException e) when (e.Path is { Length: > 2 } path && e.BytePositionInLine is not null && IsUnreadableText(e))
        {
            error = new Message("The field {0}: {1}", path.TrimStart('$', '.'), new Message("The text contains half of a surrogate pair, which is not a character."));
            return null;
        }
        catch (JsonException e) when (e.Path is { Length: > 2 } path && e.BytePositionInLine is not null && IsValueTypeError(e))
        {
            error = new Message("The field {0} has the wrong type.", path.TrimStart('$', '.'));
            return null;
        }
        catch (JsonException e) when (e.Path == "$" && IsValueTypeError(e))
        {
            // Valid JSON, but a text, a number or an array where the line must be an object.
            error = new Message("The line is not a JSON object.");
            return null;
        }
        catch (JsonException e)
        {
            error = new Message("The line is not valid JSON: the first error is at position {0}.", (e.BytePositionInLine ?? 0) + 1);
            return null;
        }
        if (raw is null)
        {
            error = new Message("The line is not a JSON object.");
            return null;
        }

        var problems = new List<Message>();
        void Problem(string message, params object?[] args) => problems.Add(new Message(message, args));

        string? Required(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value)) { Problem("The field {0} is missing.", field); return null; }
            return value.Trim();
        }

        // An event has happened, so it is never after the day of the import; a placement may be planned up to two years
        // ahead (see Calendar/Dates). Either way the date lies in the range the system accepts.
        DateOnly RequiredDate(string? value, string field, bool planned = false)
        {
            if (Required(value, field) is not { } s) return default;
            if (!Input.TryParseDate(s, out var date))
            {
                if (Input.HasDateShape(s))
                    Problem("The field {0} has no such date: '{1}'.", field, s);
                else Problem("The field {0} must be a date written yyyy-MM-dd, not '{1}'.", field, s);
                return default;
            }
            if ((planned ? Dates.PlannedProblem(date, today) : Dates.PastProblem(date, today)) is { } refused)
                Problem("The field {0} is refused: {1}", field, new Message(refused.Template, refused.Args));
            return date;
        }

        T RequiredEnum<T>(string? value, string field) where T : struct, Enum
        {
            if (Required(value, field) is not { } s) return default;
            if (EnumNames<T>.Values.TryGetValue(s, out var parsed)) return parsed;
            Problem("The field {0} has the unknown value '{1}'; allowed: {2}.", field, s, string.Join(", ", EnumNames<T>.Values.Keys));
            return default;
        }

        bool RequiredBool(bool? value, string field)
        {
            if (value is null) Problem("The field {0} is missing.", field);
            return value ?? false;
        }

        string? CaseRef()
        {
            var s = Required(raw.CaseRef, "caseRef");
            if (s is { Length: > 100 }) Problem("The field {0} is longer than {1} characters.", "caseRef", 100);
            return s;
        }

        // A 10-digit personal number is read as written on the day of its line (domain.md "Personal identity numbers").
        PersonalNumber? Person(string? lineDate)
        {
            if (Required(raw.PersonalNumber, "personalNumber") is not { } s) return null;
            DateOnly? dated = Input.TryParseDate(lineDate.AsSpan().Trim(), out var d) ? d : null;
            if (Identity.PersonalNumber.TryParse(s, today, dated, out var number, out var pnError)) return number;
            switch (pnError)
            {
                case PersonalNumberError.Date: Problem("The personal identity number does not contain a valid date of birth."); break;
                case PersonalNumberError.Checksum: Problem("The personal identity number's check digit is wrong; check for a typing error."); break;
                default: Problem("The personal identity number '{0}' is not written as YYYYMMDDNNNN.", s); break;
            }
            return null;
        }

        // Text is stored as given: no NUL, nothing that failed to decode, no half surrogate pair.
        foreach (var (field, text) in raw.Fields())
            if (Input.TextProblem(text) is { } textProblem) Problem("The field {0}: {1}", field, new Message(textProblem));
        if (problems.Count > 0) return Fail(problems, out error);

        if (Required(raw.Type, "type") is not { } typeName) return Fail(problems, out error);
        if (!TypeNames.TryGetValue(typeName, out var type))
        {
            error = new Message("The type '{0}' is unknown; allowed: {1}.", typeName, string.Join(", ", TypeNames.Keys));
            return null;
        }

        CaseEvent? parsed = null;
        switch (type)
        {
            case CaseEventType.Referral:
            {
                var caseRef = CaseRef();
                var person = Person(raw.Date);
                var district = Required(raw.District, "district");
                var targetGroup = RequiredEnum<TargetGroup>(raw.TargetGroup, "targetGroup");
                var date = RequiredDate(raw.Date, "date");
                var receives = RequiredBool(raw.ReceivesBenefit, "receivesBenefit");
                // Without a stated gender the legal sex of the personal number is used, as at a referral in the form.
                var gender = raw.Gender is null ? (person?.Sex == LegalSex.Female ? Gender.F : Gender.M) : RequiredEnum<Gender>(raw.Gender, "gender");
                parsed = new CaseEvent
                {
                    Type = type, CaseRef = caseRef, PersonalNumber = person?.Value, District = district, TargetGroup = targetGroup,
                    Date = date, Gender = gender, ReceivesBenefit = receives, HasChildren = raw.HasChildren ?? false,
                    NewlyUnemployed = raw.NewlyUnemployed ?? false, NewlyArrived = raw.NewlyArrived ?? false,
                    ProtectedIdentity = raw.ProtectedIdentity ?? false,
                };
                break;
            }
            case CaseEventType.InfoMeeting:
                parsed = new CaseEvent { Type = type, CaseRef = CaseRef(), Date = RequiredDate(raw.Date, "date"), Attended = RequiredBool(raw.Attended, "attended") };
                break;
            case CaseEventType.Enrolment:
            {
                var coach = raw.Coach?.Trim();
                if (coach is { Length: > 100 }) Problem("The field {0} is longer than {1} characters.", "coach", 100);
                parsed = new CaseEvent
                {
                    Type = type, CaseRef = CaseRef(), Date = RequiredDate(raw.Date, "date"), JobCentre = Required(raw.JobCentre, "jobCentre"),
                    Coach = string.IsNullOrEmpty(coach) ? null : coach,
                };
                break;
            }
            case CaseEventType.PlanAgreed or CaseEventType.Resume:
                parsed = new CaseEvent { Type = type, CaseRef = CaseRef(), Date = RequiredDate(raw.Date, "date") };
                break;
            case CaseEventType.Pause:
                parsed = new CaseEvent { Type = type, CaseRef = CaseRef(), Date = RequiredDate(raw.Date, "date"), PauseReason = RequiredEnum<PauseReason>(raw.Reason, "reason") };
                break;
            case CaseEventType.Attendance:
                parsed = new CaseEvent { Type = type, CaseRef = CaseRef(), Date = RequiredDate(raw.Date, "date"), AttendanceStatus = RequiredEnum<AttendanceStatus>(raw.Status, "status") };
                break;
            case CaseEventType.Assessment:
                parsed = new CaseEvent
                {
                    Type = type, CaseRef = CaseRef(), Date = RequiredDate(raw.Date, "date"), Instrument = RequiredEnum<Instrument>(raw.Instrument, "instrument"),
                    Availability = RequiredEnum<Availability>(raw.Availability, "availability"),
                    NeedCategory = RequiredEnum<NeedCategory>(raw.NeedCategory, "needCategory"),
                };
                break;
            case CaseEventType.Placement:
            {
                var caseRef = CaseRef();
                var kind = RequiredEnum<PlacementKind>(raw.Kind, "kind");
                var start = RequiredDate(raw.Start, "start", planned: true);
                var datesRead = problems.Count;
                DateOnly? end = raw.End is null ? null : RequiredDate(raw.End, "end", planned: true);
                // Compared only when both dates could be read: an unreadable one is reported once, for itself.
                if (problems.Count == datesRead && end < start) Problem("The placement cannot end before it starts.");
                string? employer = null;
                if (!string.IsNullOrWhiteSpace(raw.Employer))
                {
                    if (OrganisationNumber.TryParse(raw.Employer, out var org, out _)) employer = org.Value;
                    else Problem("The employer's organisation number '{0}' is not valid.", raw.Employer);
                }
                parsed = new CaseEvent
                {
                    Type = type, CaseRef = caseRef, PlacementKind = kind, Date = start, End = end, Employer = employer, Matched = raw.Matched ?? false,
                };
                break;
            }
            case CaseEventType.Closure:
            {
                var caseRef = CaseRef();
                var date = RequiredDate(raw.Date, "date");
                var reason = RequiredEnum<ClosureReason>(raw.Reason, "reason");
                ClosureSubReason? sub = raw.SubReason is null ? null : RequiredEnum<ClosureSubReason>(raw.SubReason, "subReason");
                if (sub is { } s && problems.Count == 0 && !ClosureReasons.SubReasonsFor(reason).Contains(s))
                    Problem("The sub-reason {0} does not belong to the closure reason {1}.", s, reason);
                parsed = new CaseEvent { Type = type, CaseRef = caseRef, Date = date, ClosureReason = reason, ClosureSubReason = sub };
                break;
            }
            case CaseEventType.BenefitMonth:
            {
                var person = Person(raw.Month + "-01");
                var monthText = Required(raw.Month, "month");
                var month = default(DateOnly);
                if (monthText is not null && !Input.TryParseMonth(monthText, out month))
                {
                    // Written like a month, but there is none such (2023-13): said as for a date that does not exist.
                    if (Input.HasDateShape(monthText + "-01")) Problem("The field {0} has no such month: '{1}'.", "month", monthText);
                    else Problem("The field {0} must be a month written yyyy-MM, not '{1}'.", "month", monthText);
                }
                else if (monthText is not null && Dates.PastProblem(month, today) is { } refused)
                    Problem("The field {0} is refused: {1}", "month", new Message(refused.Template, refused.Args));
                parsed = new CaseEvent { Type = type, PersonalNumber = person?.Value, Date = month, ReceivesBenefit = RequiredBool(raw.ReceivesBenefit, "receivesBenefit") };
                break;
            }
            case CaseEventType.OccupationStatus:
                parsed = new CaseEvent
                {
                    Type = type, PersonalNumber = Person(raw.Date)?.Value, Date = RequiredDate(raw.Date, "date"),
                    OccupationStatus = RequiredEnum<OccupationStatus>(raw.Status, "status"),
                };
                break;
        }
        return problems.Count > 0 ? Fail(problems, out error) : parsed;
    }

    /// <summary>The problems side by side; the template holds only their places, so it has nothing to translate.</summary>
    private static CaseEvent? Fail(List<Message> problems, out Message? error)
    {
        error = problems.Count == 1 ? problems[0] : new Message(string.Join(' ', problems.Select((_, i) => $"{{{i}}}")), [.. problems]);
        return null;
    }

    // A token of the wrong kind for a typed field ("attended": "yes") names the field; broken syntax does not.
    // An escaped lone surrogate ("\ud800") is well-formed JSON that cannot become text; the reader says so in UTF-16 terms.
    private static bool IsUnreadableText(JsonException e) =>
        e.InnerException is InvalidOperationException inner && inner.Message.Contains("UTF-16", StringComparison.Ordinal);

    private static bool IsValueTypeError(JsonException e) => e.InnerException is InvalidOperationException || e.Message.Contains("could not be converted", StringComparison.Ordinal);

    /// <summary>Writes the event as one canonical line (no newline): fixed field order, defaults written out (but a placement's
    /// <c>matched</c>, optional in the format, only when true).</summary>
    public static void Write(Utf8JsonWriter json, CaseEvent e)
    {
        json.WriteStartObject();
        json.WriteString("type", NameOfType[e.Type]);
        if (e.IsCaseEvent) json.WriteString("caseRef", e.CaseRef);
        switch (e.Type)
        {
            case CaseEventType.Referral:
                json.WriteString("personalNumber", e.PersonalNumber);
                json.WriteString("district", e.District);
                json.WriteString("targetGroup", e.TargetGroup.ToString());
                WriteDate(json, "date", e.Date);
                json.WriteString("gender", e.Gender.ToString());
                json.WriteBoolean("receivesBenefit", e.ReceivesBenefit);
                json.WriteBoolean("hasChildren", e.HasChildren);
                json.WriteBoolean("newlyUnemployed", e.NewlyUnemployed);
                json.WriteBoolean("newlyArrived", e.NewlyArrived);
                if (e.ProtectedIdentity) json.WriteBoolean("protectedIdentity", true);
                break;
            case CaseEventType.InfoMeeting:
                WriteDate(json, "date", e.Date);
                json.WriteBoolean("attended", e.Attended);
                break;
            case CaseEventType.Enrolment:
                WriteDate(json, "date", e.Date);
                json.WriteString("jobCentre", e.JobCentre);
                if (e.Coach is not null) json.WriteString("coach", e.Coach);
                break;
            case CaseEventType.PlanAgreed or CaseEventType.Resume:
                WriteDate(json, "date", e.Date);
                break;
            case CaseEventType.Pause:
                WriteDate(json, "date", e.Date);
                json.WriteString("reason", e.PauseReason.ToString());
                break;
            case CaseEventType.Attendance:
                WriteDate(json, "date", e.Date);
                json.WriteString("status", e.AttendanceStatus.ToString());
                break;
            case CaseEventType.Placement:
                json.WriteString("kind", e.PlacementKind.ToString());
                WriteDate(json, "start", e.Date);
                if (e.End is { } end) WriteDate(json, "end", end);
                if (e.Employer is not null) json.WriteString("employer", e.Employer);
                // Written only when true (absent = false), so a placement's line, and the import's record of it, stay as they were.
                if (e.Matched) json.WriteBoolean("matched", true);
                break;
            case CaseEventType.Assessment:
                WriteDate(json, "date", e.Date);
                json.WriteString("instrument", e.Instrument.ToString());
                json.WriteString("availability", e.Availability.ToString());
                json.WriteString("needCategory", e.NeedCategory.ToString());
                break;
            case CaseEventType.Closure:
                WriteDate(json, "date", e.Date);
                json.WriteString("reason", e.ClosureReason.ToString());
                if (e.ClosureSubReason is { } sub) json.WriteString("subReason", sub.ToString());
                break;
            case CaseEventType.BenefitMonth:
                json.WriteString("personalNumber", e.PersonalNumber);
                json.WriteString("month", e.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture));
                json.WriteBoolean("receivesBenefit", e.ReceivesBenefit);
                break;
            case CaseEventType.OccupationStatus:
                json.WriteString("personalNumber", e.PersonalNumber);
                WriteDate(json, "date", e.Date);
                json.WriteString("status", e.OccupationStatus.ToString());
                break;
        }
        json.WriteEndObject();
    }

    /// <summary>The canonical line's bytes, for recognising an event already stored.</summary>
    public static byte[] Canonical(CaseEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer)) Write(json, e);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly date) =>
        json.WriteString(name, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static class EnumNames<T> where T : struct, Enum
    {
        // Exact member names only: "1" or "work" are not values of the format.
        public static readonly Dictionary<string, T> Values = Enum.GetValues<T>().ToDictionary(v => v.ToString(), v => v, StringComparer.Ordinal);
    }
}

/// <summary>A line as written: every field optional and textual, so that each problem can be named.</summary>
public sealed class CaseEventLine
{
    public string? Type { get; set; }
    public string? CaseRef { get; set; }
    public string? PersonalNumber { get; set; }
    public string? District { get; set; }
    public string? TargetGroup { get; set; }
    public string? Date { get; set; }
    public string? Gender { get; set; }
    public bool? ReceivesBenefit { get; set; }
    public bool? HasChildren { get; set; }
    public bool? NewlyUnemployed { get; set; }
    public bool? NewlyArrived { get; set; }
    public bool? ProtectedIdentity { get; set; }
    public bool? Attended { get; set; }
    public string? JobCentre { get; set; }
    public string? Coach { get; set; }
    public string? Reason { get; set; }
    public string? SubReason { get; set; }
    public string? Status { get; set; }
    public string? Kind { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Employer { get; set; }
    public bool? Matched { get; set; }
    public string? Month { get; set; }
    public string? Instrument { get; set; }
    public string? Availability { get; set; }
    public string? NeedCategory { get; set; }

    /// <summary>The text fields by their names in the format.</summary>
    public IEnumerable<(string Field, string? Text)> Fields() =>
    [
        ("type", Type), ("caseRef", CaseRef), ("personalNumber", PersonalNumber), ("district", District), ("targetGroup", TargetGroup),
        ("date", Date), ("gender", Gender), ("jobCentre", JobCentre), ("coach", Coach), ("reason", Reason), ("subReason", SubReason),
        ("status", Status), ("kind", Kind), ("start", Start), ("end", End), ("employer", Employer), ("month", Month),
        ("instrument", Instrument), ("availability", Availability), ("needCategory", NeedCategory),
    ];
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowTrailingCommas = false)]
[JsonSerializable(typeof(CaseEventLine))]
internal sealed partial class CaseEventJson : JsonSerializerContext;
