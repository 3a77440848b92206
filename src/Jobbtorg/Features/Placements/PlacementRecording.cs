using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Placements;

/// <summary>A placement as typed on the page or sent to the API: enumerations by name, all optional so that each
/// missing or bad field can be named.</summary>
public sealed record PlacementInput(
    string? Kind, DateOnly? Start, DateOnly? End, string? EmployerName, string? EmployerOrganisationNumber, int? HoursPerWeek,
    string? WageForm, string? Subsidy, string? Note, bool Matched);

/// <summary>What a change gave: the placement as stored, or the errors per field (the names of <see cref="PlacementInput"/>).</summary>
public sealed record PlacementChange(Placement? Placement, FieldErrors Errors);

/// <summary>
/// The rules of a placement recorded by hand, in one place for the pages and the API. A placement lies within the
/// case's enrolment (from the enrolment date, as the case-event format orders it, up to the closure), ends on or
/// after its start, and does not overlap another placement of the same kind on the case.
/// </summary>
public static class PlacementRules
{
    public const string KindField = "Kind", StartField = "Start", EndField = "End", EmployerNameField = "EmployerName",
        OrganisationNumberField = "EmployerOrganisationNumber", HoursField = "HoursPerWeek", WageFormField = "WageForm",
        SubsidyField = "Subsidy", NoteField = "Note";

    /// <summary>The input read and checked; the placement is null when any field is refused.</summary>
    public static (Placement? Placement, FieldErrors Errors) Check(PlacementInput input, Case c, IReadOnlyList<Placement> existing, DateOnly today)
    {
        var errors = new FieldErrors();
        PlacementKind? kind = null;
        if (string.IsNullOrWhiteSpace(input.Kind)) errors.Refuse(KindField, "Choose the kind of placement.");
        else if (EnumNames.ByName<PlacementKind>(input.Kind) is { } k) kind = k;
        else errors.Refuse(KindField, "'{0}' is not a kind of placement; use Internship, Employment, SubsidizedEmployment or MunicipalJob.", input.Kind);

        CheckDates(input.Start, input.End, c, today, errors);

        var name = input.EmployerName?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Refuse(EmployerNameField, "Enter the employer's name.");
        else if (name.Length > Placement.MaxEmployerNameLength) errors.Refuse(EmployerNameField, "The employer's name may be at most {0} characters.", Placement.MaxEmployerNameLength);

        string? organisation = null;
        if (!string.IsNullOrWhiteSpace(input.EmployerOrganisationNumber))
        {
            // A person's number in the employer's place is named as such, in any of its written forms.
            if (PersonalNumber.TryParse(input.EmployerOrganisationNumber, today, out _, out _))
                errors.Refuse(OrganisationNumberField, OrganisationNumber.Describe(OrganisationNumberError.NotAnOrganisation));
            else if (OrganisationNumber.TryParse(input.EmployerOrganisationNumber, out var number, out var problem)) organisation = number.Value;
            else errors.Refuse(OrganisationNumberField, OrganisationNumber.Describe(problem));
        }

        if (input.HoursPerWeek is null) errors.Refuse(HoursField, "Enter the hours a week.");
        else if (input.HoursPerWeek is < Placement.MinHoursPerWeek or > Placement.MaxHoursPerWeek)
            errors.Refuse(HoursField, "The hours a week must be from {0} to {1}.", Placement.MinHoursPerWeek, Placement.MaxHoursPerWeek);

        WageForm? wage = null;
        if (string.IsNullOrWhiteSpace(input.WageForm)) errors.Refuse(WageFormField, "Choose the wage form.");
        else if (EnumNames.ByName<WageForm>(input.WageForm) is { } w) wage = w;
        else errors.Refuse(WageFormField, "'{0}' is not a wage form; use CollectiveAgreement, AgreedWage or Unpaid.", input.WageForm);
        if (kind == PlacementKind.Internship && wage is not null and not WageForm.Unpaid) errors.Refuse(WageFormField, "An internship is unpaid.");
        if (kind is not null and not PlacementKind.Internship && wage == WageForm.Unpaid) errors.Refuse(WageFormField, "A job is paid: choose a collective agreement or an agreed wage.");

        PlacementSubsidy? subsidy = null;
        if (!string.IsNullOrWhiteSpace(input.Subsidy))
        {
            if (EnumNames.ByName<PlacementSubsidy>(input.Subsidy) is { } s) subsidy = s;
            else errors.Refuse(SubsidyField, "'{0}' is not a form of subsidy; use {1}.", input.Subsidy, string.Join(", ", Enum.GetNames<PlacementSubsidy>()));
        }
        if (kind == PlacementKind.SubsidizedEmployment && subsidy is null && !errors.Has(SubsidyField))
            errors.Refuse(SubsidyField, "Choose the form of subsidy of the subsidised employment.");
        if (kind is not null and not PlacementKind.SubsidizedEmployment && subsidy is not null)
            errors.Refuse(SubsidyField, "Only a subsidised employment has a form of subsidy.");

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (note?.Length > Placement.MaxNoteLength) errors.Refuse(NoteField, "The note may be at most {0} characters.", Placement.MaxNoteLength);

        if (kind is { } same && input.Start is { } start && !errors.Has(StartField) && !errors.Has(EndField)
            && existing.FirstOrDefault(p => p.Kind == same && p.Overlaps(start, input.End)) is { } other)
            errors.Refuse(StartField, "The case already has a placement of this kind from {0}{1}; placements of one kind may not overlap.",
                other.StartDate, other.EndDate is { } e ? $" to {e:yyyy-MM-dd}" : "");

        if (errors.Count > 0) return (null, errors);
        return (new Placement
        {
            CaseId = c.Id, Kind = kind!.Value, StartDate = input.Start!.Value, EndDate = input.End, EmployerName = name,
            EmployerOrganisationNumber = organisation, HoursPerWeek = input.HoursPerWeek, WageForm = wage, Subsidy = subsidy, Note = note,
            Matched = input.Matched,
        }, errors);
    }

    /// <summary>The end of a placement: on or after its start, within the case's enrolment, not far ahead.</summary>
    public static FieldErrors CheckEnd(Placement p, DateOnly? end, Case c, IReadOnlyList<Placement> existing, DateOnly today)
    {
        var errors = new FieldErrors();
        if (p.EndDate is not null) throw new RuleBrokenException("The placement has already ended.");
        if (end is not { } e) return errors.Refuse(EndField, "Enter the date the placement ends.");
        if (Dates.PlannedProblem(e, today) is { } problem) return errors.Refuse(EndField, problem.Template, problem.Args);
        if (e < p.StartDate) return errors.Refuse(EndField, "The placement cannot end before it starts ({0}).", p.StartDate);
        if (c.ClosureDate is { } closed && e > closed) return errors.Refuse(EndField, "The placement cannot end after the case was closed ({0}).", closed);
        return errors;
    }

    private static void CheckDates(DateOnly? start, DateOnly? end, Case c, DateOnly today, FieldErrors errors)
    {
        if (start is not { } s) errors.Refuse(StartField, "Enter the date the placement starts.");
        else if (Dates.PlannedProblem(s, today) is { } problem) errors.Refuse(StartField, problem.Template, problem.Args);
        else if (c.EnrolmentDate is not { } enrolled) errors.Refuse(StartField, "The case is not enrolled: a placement starts at the earliest on the enrolment date.");
        else if (s < enrolled) errors.Refuse(StartField, "The placement cannot start before the case was enrolled ({0}).", enrolled);
        else if (c.ClosureDate is { } closed && s > closed) errors.Refuse(StartField, "The placement cannot start after the case was closed ({0}).", closed);

        if (end is { } e)
        {
            if (Dates.PlannedProblem(e, today) is { } problem) errors.Refuse(EndField, problem.Template, problem.Args);
            else if (start is { } st && e < st) errors.Refuse(EndField, "The placement cannot end before it starts ({0}).", st);
        }
    }
}

/// <summary>Records and ends placements for the pages and the API alike, and tells the district. The caller has checked the
/// right to record (<see cref="Access.Permission.RecordPlacement"/>).</summary>
public sealed class PlacementRecording(JobbtorgDb db, TimeProvider clock, Access.CurrentUser user, DistrictMessages.DistrictOutbox outbox)
{
    public Task<List<Placement>> OfCaseAsync(int caseId, CancellationToken ct) =>
        db.Placements.Where(p => p.CaseId == caseId).OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id).ToListAsync(ct);

    /// <summary>Records the placement. One from a proposal names its employer and vacancy; otherwise the placement is linked
    /// to the registered employer with its organisation number (the unit of the same name, or the organisation as a whole).</summary>
    public async Task<PlacementChange> RecordAsync(Case c, PlacementInput input, CancellationToken ct, int? employerId = null, int? vacancyId = null)
    {
        if (!c.IsOpen) throw new RuleBrokenException("Only an open case can get a new placement.");
        var (placement, errors) = PlacementRules.Check(input, c, await OfCaseAsync(c.Id, ct), clock.Today());
        if (placement is null) return new(null, errors);
        placement.VacancyId = vacancyId;
        placement.EmployerId = employerId ?? await RegisteredEmployerAsync(placement, ct);
        placement.RecordedBy = user.Name;
        placement.RecordedAt = clock.GetUtcNow();
        db.Placements.Add(placement);
        await WithDistrictAsync(c, ct);
        outbox.PlacementStarted(c, placement);
        await db.SaveChangesAsync(ct);
        return new(placement, errors);
    }

    private async Task<int?> RegisteredEmployerAsync(Placement p, CancellationToken ct)
    {
        if (p.EmployerOrganisationNumber is not { } number) return null;
        var registered = await db.Set<Employers.Employer>().Where(e => e.OrganisationNumber == number)
            .Select(e => new { e.Id, e.Name, e.Unit }).ToListAsync(ct);
        return (registered.FirstOrDefault(e => e.Unit is not null && p.EmployerName is not null && p.EmployerName.Contains(e.Unit, StringComparison.OrdinalIgnoreCase))
                ?? registered.FirstOrDefault(e => e.Unit is null))?.Id;
    }

    /// <summary>The district is told of each start and end, so its code is needed.</summary>
    private async Task WithDistrictAsync(Case c, CancellationToken ct) =>
        c.District ??= await db.Districts.SingleAsync(d => d.Id == c.DistrictId, ct);

    public async Task<PlacementChange> EndAsync(Case c, Placement p, DateOnly? end, CancellationToken ct)
    {
        var errors = PlacementRules.CheckEnd(p, end, c, await OfCaseAsync(c.Id, ct), clock.Today());
        if (errors.Count > 0) return new(null, errors);
        // Setting the end also sets the day a municipal job is followed up (FollowUpOn).
        p.EndDate = end;
        p.EndedBy = user.Name;
        p.EndedAt = clock.GetUtcNow();
        await WithDistrictAsync(c, ct);
        outbox.PlacementEnded(c, p);
        await db.SaveChangesAsync(ct);
        return new(p, errors);
    }
}
