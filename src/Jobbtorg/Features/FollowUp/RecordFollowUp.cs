using System.ComponentModel.DataAnnotations;
using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Features.Shared.RequestRules;

namespace Jobbtorg.Features.FollowUp;

/// <summary>A district's monthly benefit status for one person: did they receive benefit in the month?</summary>
public sealed record BenefitMonthInput : IValidatableObject
{
    [ApiRequired] public string? PersonalNumber { get; init; }
    /// <summary>The calendar month, "yyyy-MM".</summary>
    [ApiRequired] public string? Month { get; init; }
    [ApiRequired, Required(ErrorMessage = "Say whether the person received benefit in the month (true or false).")]
    public bool? ReceivesBenefit { get; init; }

    /// <summary>The month's first day, when the month is written yyyy-MM.</summary>
    public DateOnly? FirstDay =>
        Month is not null && Input.TryParseMonth(Month.AsSpan().Trim(), out var first)
            ? first : null;

    /// <summary>Given today's date (<see cref="RecordFollowUp.Today"/>).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        var today = context.Item<DateOnly>(RecordFollowUp.Today);
        if (string.IsNullOrWhiteSpace(Month)) yield return Refused(nameof(Month), "Enter the month as yyyy-MM.");
        else if (FirstDay is not { } first) yield return Refused(nameof(Month), "The month is not a valid month; write it as yyyy-MM.");
        else if (first > Dates.FirstOfMonth(today)) yield return Refused(nameof(Month), "The month cannot be in the future.");
        else if (first < Dates.Min) yield return Refused(nameof(Month), "The date {0} is before {1}, the earliest date the system accepts.", first, Dates.Min);
        // A 10-digit number is read as written in the month it reports on.
        if (!Identity.PersonalNumber.TryParse(PersonalNumber, today, FirstDay, out _, out var error))
            yield return Refused(nameof(PersonalNumber), Input.PersonalNumberProblem(error));
    }
}

/// <summary>What a person was doing on a date: Working, Studying or Neither.</summary>
public sealed record OccupationStatusInput : IValidatableObject
{
    [ApiRequired] public string? PersonalNumber { get; init; }
    /// <summary>The date of the observation, "yyyy-MM-dd".</summary>
    [ApiRequired] public string? Date { get; init; }
    [ApiRequired] public string? Status { get; init; }

    public DateOnly? Day =>
        Date is not null && Input.TryParseDate(Date.AsSpan().Trim(), out var d) ? d : null;

    /// <summary>The status, when it is one of the names (in their letter case).</summary>
    public OccupationStatus? Occupation =>
        Status is not null && System.Enum.GetNames<OccupationStatus>().Contains(Status.Trim()) ? System.Enum.Parse<OccupationStatus>(Status.Trim()) : null;

    /// <summary>Given today's date (<see cref="RecordFollowUp.Today"/>).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        var today = context.Item<DateOnly>(RecordFollowUp.Today);
        if (string.IsNullOrWhiteSpace(Date)) yield return Refused(nameof(Date), "Enter the date as yyyy-MM-dd.");
        else if (Day is not { } d) yield return Refused(nameof(Date), "The date is not a valid date; write it as yyyy-MM-dd.");
        else if (d > today) yield return Refused(nameof(Date), "The date cannot be in the future.");
        else if (d < Dates.Min) yield return Refused(nameof(Date), "The date {0} is before {1}, the earliest date the system accepts.", d, Dates.Min);
        if (string.IsNullOrWhiteSpace(Status)) yield return Refused(nameof(Status), "Give the status: Working, Studying or Neither.");
        else if (Occupation is null) yield return Refused(nameof(Status), "The status must be Working, Studying or Neither.");
        if (!Identity.PersonalNumber.TryParse(PersonalNumber, today, Day, out _, out var error))
            yield return Refused(nameof(PersonalNumber), Input.PersonalNumberProblem(error));
    }
}

/// <summary>How many facts were new, replaced a different stored value, or were already stored as sent.</summary>
public sealed record FollowUpStored(int Stored, int Replaced, int Unchanged);

public abstract record FollowUpOutcome
{
    public sealed record Accepted(FollowUpStored Counts) : FollowUpOutcome;
    public sealed record Invalid(FieldErrors Errors) : FollowUpOutcome;
}

/// <summary>
/// Stores follow-up facts from a district, all or nothing: every item is checked first and one bad item stores
/// nothing. A fact for a person and month (or date) already held replaces the stored value, as the case-event import
/// does: what a district's system sends is a register fact, and a register replaces a call or a letter. Personal numbers are never logged and never echoed in an error.
/// </summary>
public sealed class RecordFollowUp(JobbtorgDb db, TimeProvider clock, CurrentUser user, ILogger<RecordFollowUp> log)
{
    public const int MaxItems = 10_000;
    public const string Today = nameof(Today);

    private readonly record struct Fact(int Index, string PersonalNumber, DateOnly Date, int Value);

    public Task<FollowUpOutcome> BenefitMonthsAsync(IReadOnlyList<BenefitMonthInput?>? items, CancellationToken ct) =>
        HandleAsync(items, nameof(BenefitMonthInput.Month), item => (item.PersonalNumber, item.FirstDay, item.ReceivesBenefit == true ? 1 : 0),
            StoreBenefitMonthsAsync, ct);

    public Task<FollowUpOutcome> OccupationStatusAsync(IReadOnlyList<OccupationStatusInput?>? items, CancellationToken ct) =>
        HandleAsync(items, nameof(OccupationStatusInput.Date), item => (item.PersonalNumber, item.Day, (int)(item.Occupation ?? OccupationStatus.Working)),
            StoreOccupationsAsync, ct);

    private async Task<FollowUpOutcome> HandleAsync<T>(IReadOnlyList<T?>? items, string dateField,
        Func<T, (string? PersonalNumber, DateOnly? Date, int Value)> read,
        Func<List<Fact>, Dictionary<string, int>, CancellationToken, Task<FollowUpStored>> store, CancellationToken ct) where T : class
    {
        if (items is null || items.Count == 0)
            return new FollowUpOutcome.Invalid(new FieldErrors().Refuse("", "Send a JSON array with at least one item."));
        if (items.Count > MaxItems)
            return new FollowUpOutcome.Invalid(new FieldErrors().Refuse("", "Send at most {0} items in one request.", MaxItems));

        var today = clock.Today();
        var errors = new FieldErrors();
        var facts = new List<Fact>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                errors.Refuse($"[{i}]", "The item is empty; send an object.");
                continue;
            }
            var itemErrors = RequestRules.Check(item, (Today, today));
            errors.AddAll(itemErrors, $"[{i}].");
            var (input, date, value) = read(item);
            if (!itemErrors.Has(nameof(BenefitMonthInput.PersonalNumber)) && !itemErrors.Has(dateField)
                && Identity.PersonalNumber.TryParse(input, today, date, out var parsed, out _))
                facts.Add(new Fact(i, parsed.Value, date!.Value, value));
        }

        // The people must be known here, and a district's system may only report on people with a case in its district.
        var numbers = facts.Select(f => f.PersonalNumber).Distinct().ToList();
        var known = await KnownPeopleAsync(numbers, ct);
        var firstIndex = new Dictionary<(string, DateOnly), int>();
        foreach (var fact in facts)
        {
            if (!known.ContainsKey(fact.PersonalNumber))
                errors.Refuse($"[{fact.Index}].{nameof(BenefitMonthInput.PersonalNumber)}", user.BoundDistrictCode is null
                    ? "No case in Jobbtorg has this personal number."
                    : "No case in your district has this personal number.");
            else if (firstIndex.TryGetValue((fact.PersonalNumber, fact.Date), out var earlier))
                errors.Refuse($"[{fact.Index}].{dateField}", dateField == nameof(BenefitMonthInput.Month)
                    ? "Item [{0}] already gives this person's benefit status for this month."
                    : "Item [{0}] already gives this person's occupation status on this date.", earlier);
            else firstIndex[(fact.PersonalNumber, fact.Date)] = fact.Index;
        }
        if (errors.Count > 0) return new FollowUpOutcome.Invalid(errors);

        // Two attempts: a concurrent request may insert the same person and month between our read and our insert;
        // the second attempt then sees that row and replaces it.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var counts = await store(facts, known, ct);
                log.LogInformation("Follow-up from {Client}: {Stored} stored, {Replaced} replaced, {Unchanged} unchanged ({Kind})",
                    user.Name, counts.Stored, counts.Replaced, counts.Unchanged, dateField == nameof(BenefitMonthInput.Month) ? "benefit months" : "occupation status");
                return new FollowUpOutcome.Accepted(counts);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Participant id by personal number, for the people the caller may report on.</summary>
    private async Task<Dictionary<string, int>> KnownPeopleAsync(List<string> numbers, CancellationToken ct)
    {
        var found = new Dictionary<string, int>();
        if (numbers.Count == 0) return found;
        var districtCode = user.IsApiClient ? user.BoundDistrictCode : null;
        foreach (var chunk in numbers.Chunk(1000))
        {
            var people = db.Participants.AsNoTracking().Where(p => chunk.Contains(p.PersonalNumber));
            if (districtCode is not null)
                people = people.Where(p => db.Cases.Any(c => c.ParticipantId == p.Id && c.District.Code == districtCode));
            foreach (var p in await people.Select(p => new { p.Id, p.PersonalNumber }).ToListAsync(ct))
                found[p.PersonalNumber] = p.Id;
        }
        return found;
    }

    private async Task<FollowUpStored> StoreBenefitMonthsAsync(List<Fact> facts, Dictionary<string, int> people, CancellationToken ct)
    {
        var ids = facts.Select(f => people[f.PersonalNumber]).Distinct().ToList();
        var held = new Dictionary<(int, DateOnly), BenefitMonth>();
        foreach (var chunk in ids.Chunk(1000))
            foreach (var row in await db.BenefitMonths.Where(b => chunk.Contains(b.ParticipantId)).ToListAsync(ct))
                held[(row.ParticipantId, row.Month)] = row;

        int stored = 0, replaced = 0, unchanged = 0;
        foreach (var fact in facts)
        {
            var participant = people[fact.PersonalNumber];
            var receives = fact.Value == 1;
            if (!held.TryGetValue((participant, fact.Date), out var row))
            {
                db.BenefitMonths.Add(new BenefitMonth { ParticipantId = participant, Month = fact.Date, ReceivesBenefit = receives });
                stored++;
            }
            else if (row.ReceivesBenefit == receives) unchanged++;
            else
            {
                // The district's register replaces whatever a call or a letter said (FollowUpPrecedence).
                row.ReceivesBenefit = receives;
                row.Source = FollowUpSource.Register;
                (row.InformedOn, row.RecordedBy, row.RecordedAt) = (null, null, null);
                replaced++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new FollowUpStored(stored, replaced, unchanged);
    }

    private async Task<FollowUpStored> StoreOccupationsAsync(List<Fact> facts, Dictionary<string, int> people, CancellationToken ct)
    {
        var ids = facts.Select(f => people[f.PersonalNumber]).Distinct().ToList();
        var held = new Dictionary<(int, DateOnly), OccupationObservation>();
        foreach (var chunk in ids.Chunk(1000))
            foreach (var row in await db.OccupationObservations.Where(o => chunk.Contains(o.ParticipantId)).ToListAsync(ct))
                held[(row.ParticipantId, row.Date)] = row;

        int stored = 0, replaced = 0, unchanged = 0;
        foreach (var fact in facts)
        {
            var participant = people[fact.PersonalNumber];
            var status = (OccupationStatus)fact.Value;
            if (!held.TryGetValue((participant, fact.Date), out var row))
            {
                db.OccupationObservations.Add(new OccupationObservation { ParticipantId = participant, Date = fact.Date, Status = status });
                stored++;
            }
            else if (row.Status == status) unchanged++;
            else
            {
                row.Status = status;
                row.Source = FollowUpSource.Register;
                (row.RecordedBy, row.RecordedAt) = (null, null);
                replaced++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new FollowUpStored(stored, replaced, unchanged);
    }
}
