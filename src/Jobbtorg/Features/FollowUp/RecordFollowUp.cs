using System.Globalization;
using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.FollowUp;

/// <summary>A district's monthly benefit status for one person: did they receive benefit in the month?</summary>
public sealed record BenefitMonthInput
{
    [ApiRequired] public string? PersonalNumber { get; init; }
    /// <summary>The calendar month, "yyyy-MM".</summary>
    [ApiRequired] public string? Month { get; init; }
    [ApiRequired] public bool? ReceivesBenefit { get; init; }
}

/// <summary>What a person was doing on a date: Working, Studying or Neither.</summary>
public sealed record OccupationStatusInput
{
    [ApiRequired] public string? PersonalNumber { get; init; }
    /// <summary>The date of the observation, "yyyy-MM-dd".</summary>
    [ApiRequired] public string? Date { get; init; }
    [ApiRequired] public string? Status { get; init; }
}

/// <summary>How many facts were new, replaced a different stored value, or were already stored as sent.</summary>
public sealed record FollowUpStored(int Stored, int Replaced, int Unchanged);

public abstract record FollowUpOutcome
{
    public sealed record Accepted(FollowUpStored Counts) : FollowUpOutcome;
    public sealed record Invalid(IDictionary<string, string[]> Errors) : FollowUpOutcome;
}

/// <summary>
/// Stores follow-up facts from a district, all or nothing: every item is checked first and one bad item stores
/// nothing. A fact for a person and month (or date) already held replaces the stored value, as the case-event import
/// does. Personal numbers are never logged and never echoed in an error.
/// </summary>
public sealed class RecordFollowUp(JobbtorgDb db, TimeProvider clock, Texts texts, CurrentUser user, ILogger<RecordFollowUp> log)
{
    public const int MaxItems = 10_000;

    private readonly record struct Fact(int Index, string PersonalNumber, DateOnly Date, int Value);

    public Task<FollowUpOutcome> BenefitMonthsAsync(IReadOnlyList<BenefitMonthInput?>? items, CancellationToken ct) =>
        HandleAsync(items, "month", (item, today, error) =>
        {
            DateOnly? month = null;
            if (string.IsNullOrWhiteSpace(item.Month)) error("month", texts["Enter the month as yyyy-MM."]);
            else if (!DateOnly.TryParseExact(item.Month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
                error("month", texts["The month is not a valid month; write it as yyyy-MM."]);
            else if (first > new DateOnly(today.Year, today.Month, 1)) error("month", texts["The month cannot be in the future."]);
            else if (first < Dates.Min) error("month", texts.Format("The date {0} is before {1}, the earliest date the system accepts.", first, Dates.Min));
            else month = first;
            if (item.ReceivesBenefit is null) error("receivesBenefit", texts["Say whether the person received benefit in the month (true or false)."]);
            return (item.PersonalNumber, month, item.ReceivesBenefit == true ? 1 : 0);
        }, StoreBenefitMonthsAsync, ct);

    public Task<FollowUpOutcome> OccupationStatusAsync(IReadOnlyList<OccupationStatusInput?>? items, CancellationToken ct) =>
        HandleAsync(items, "date", (item, today, error) =>
        {
            DateOnly? date = null;
            if (string.IsNullOrWhiteSpace(item.Date)) error("date", texts["Enter the date as yyyy-MM-dd."]);
            else if (!DateOnly.TryParseExact(item.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                error("date", texts["The date is not a valid date; write it as yyyy-MM-dd."]);
            else if (d > today) error("date", texts["The date cannot be in the future."]);
            else if (d < Dates.Min) error("date", texts.Format("The date {0} is before {1}, the earliest date the system accepts.", d, Dates.Min));
            else date = d;
            var status = OccupationStatus.Working;
            if (string.IsNullOrWhiteSpace(item.Status)) error("status", texts["Give the status: Working, Studying or Neither."]);
            else if (System.Enum.GetNames<OccupationStatus>().Contains(item.Status.Trim())) status = System.Enum.Parse<OccupationStatus>(item.Status.Trim());
            else error("status", texts["The status must be Working, Studying or Neither."]);
            return (item.PersonalNumber, date, (int)status);
        }, StoreOccupationsAsync, ct);

    private async Task<FollowUpOutcome> HandleAsync<T>(IReadOnlyList<T?>? items, string dateField,
        Func<T, DateOnly, Action<string, string>, (string? PersonalNumber, DateOnly? Date, int Value)> read,
        Func<List<Fact>, Dictionary<string, int>, CancellationToken, Task<FollowUpStored>> store, CancellationToken ct) where T : class
    {
        var errors = new Dictionary<string, string[]>();
        if (items is null || items.Count == 0)
            return Invalid("", texts["Send a JSON array with at least one item."]);
        if (items.Count > MaxItems)
            return Invalid("", texts.Format("Send at most {0} items in one request.", MaxItems));

        var today = clock.Today();
        var facts = new List<Fact>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var index = i;
            void Error(string field, string message)
            {
                var key = $"[{index}].{field}";
                errors[key] = errors.TryGetValue(key, out var held) ? [.. held, message] : [message];
            }
            if (items[i] is not { } item)
            {
                errors[$"[{i}]"] = [texts["The item is empty; send an object."]];
                continue;
            }
            var (input, date, value) = read(item, today, Error);
            string? number = null;
            if (!PersonalNumber.TryParse(input, today, out var parsed, out var pnError))
                Error("personalNumber", pnError switch
                {
                    PersonalNumberError.Missing => texts["Enter the person's personal identity number."],
                    PersonalNumberError.Date => texts["The personal identity number does not contain a valid date of birth."],
                    PersonalNumberError.Checksum => texts["The personal identity number's check digit is wrong; check for a typing error."],
                    _ => texts["Write the personal identity number as YYYYMMDD-NNNN."],
                });
            else number = parsed.Value;
            if (number is not null && date is not null) facts.Add(new Fact(i, number, date.Value, value));
        }

        // The people must be known here, and a district's system may only report on people with a case in its district.
        var numbers = facts.Select(f => f.PersonalNumber).Distinct().ToList();
        var known = await KnownPeopleAsync(numbers, ct);
        var firstIndex = new Dictionary<(string, DateOnly), int>();
        foreach (var fact in facts)
        {
            var key = $"[{fact.Index}].personalNumber";
            if (!known.ContainsKey(fact.PersonalNumber))
                errors[key] = [user.BoundDistrictCode is null
                    ? texts["No case in Jobbtorg has this personal number."]
                    : texts["No case in your district has this personal number."]];
            else if (firstIndex.TryGetValue((fact.PersonalNumber, fact.Date), out var earlier))
                errors[$"[{fact.Index}].{dateField}"] = [dateField == "month"
                    ? texts.Format("Item [{0}] already gives this person's benefit status for this month.", earlier)
                    : texts.Format("Item [{0}] already gives this person's occupation status on this date.", earlier)];
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
                    user.Name, counts.Stored, counts.Replaced, counts.Unchanged, dateField == "month" ? "benefit months" : "occupation status");
                return new FollowUpOutcome.Accepted(counts);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }

        FollowUpOutcome Invalid(string field, string message) =>
            new FollowUpOutcome.Invalid(new Dictionary<string, string[]> { [field] = [message] });
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
                row.ReceivesBenefit = receives;
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
                replaced++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new FollowUpStored(stored, replaced, unchanged);
    }
}
