using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Programmes;

/// <summary>The rules of a programme, its yearly costs and its members; every problem is named at once, by field.</summary>
public static class ProgrammeRules
{
    public static FieldErrors Check(ProgrammeRequest r)
    {
        var errors = new FieldErrors();
        if (Programme.Tidy(r.Name) is null) errors.Refuse(nameof(r.Name), "Write the programme's name.");
        else Text(errors, nameof(r.Name), r.Name, Programme.NameMaxLength, oneLine: true);
        if (r.Kind is null || !Enum.IsDefined(r.Kind.Value)) errors.Refuse(nameof(r.Kind), "Choose the kind of programme.");
        Text(errors, nameof(r.Description), r.Description, Programme.DescriptionMaxLength, oneLine: false);
        return errors;
    }

    public static FieldErrors Check(ProgrammeYearRequest r, DateOnly today)
    {
        var errors = new FieldErrors();
        var lastYear = today.Year + 1;
        if (r.Year is null) errors.Refuse(nameof(r.Year), "Enter the year.");
        else if (r.Year < ProgrammeYear.MinYear || r.Year > lastYear)
            errors.Refuse(nameof(r.Year), "The year must be from {0} to {1}.", ProgrammeYear.MinYear, lastYear);
        if (r.Cost is null) errors.Refuse(nameof(r.Cost), "Enter the year's cost in kronor.");
        else if (r.Cost is < 0 or > ProgrammeYear.MaxAmount)
            errors.Refuse(nameof(r.Cost), "An amount must be from 0 to {0} kronor.", ProgrammeYear.MaxAmount);
        if (r.ExternalFunding is < 0 or > ProgrammeYear.MaxAmount)
            errors.Refuse(nameof(r.ExternalFunding), "An amount must be from 0 to {0} kronor.", ProgrammeYear.MaxAmount);
        else if (r.ExternalFunding > r.Cost && !errors.Has(nameof(r.Cost)))
            errors.Refuse(nameof(r.ExternalFunding), "The external funding cannot be more than the cost ({0} kronor).", r.Cost!.Value);
        return errors;
    }

    /// <summary>Whether the case may join the programme on the day: the programme active, the case open, the day from the
    /// referral up to today, and not while the case is in the programme already (a past membership must have ended before).</summary>
    public static FieldErrors CheckJoin(Programme? programme, Case c, DateOnly? joinedOn, IEnumerable<ProgrammeMembership> ofCase, DateOnly today)
    {
        var errors = new FieldErrors();
        const string programmeField = nameof(JoinProgrammeRequest.ProgrammeId), dateField = nameof(JoinProgrammeRequest.JoinedOn);
        if (programme is null) errors.Refuse(programmeField, "There is no such programme.");
        else if (!programme.IsActive) errors.Refuse(programmeField, "The programme {0} is closed and takes no new members.", programme.Name);
        if (!c.IsOpen) errors.Refuse(programmeField, "The case is closed; only an open case can join a programme.");
        var on = joinedOn ?? today;
        if (on > today) errors.Refuse(dateField, "The day of joining cannot be in the future.");
        else if (on < c.ReferralDate) errors.Refuse(dateField, "The case cannot join before it was referred ({0}).", c.ReferralDate);
        if (programme is not null && !errors.Has(programmeField))
        {
            var same = ofCase.Where(m => m.ProgrammeId == programme.Id).ToList();
            if (same.Any(m => m.LeftOn is null)) errors.Refuse(programmeField, "The case is in the programme {0} already.", programme.Name);
            else if (same.FirstOrDefault(m => m.LeftOn >= on) is { } earlier && !errors.Has(dateField))
                errors.Refuse(dateField, "The case was in the programme until {0}; it can join again from the day after.", earlier.LeftOn!.Value);
        }
        return errors;
    }

    /// <summary>Whether the membership may end on the day: not before it began, not after today or the case's closure.</summary>
    public static FieldErrors CheckLeave(ProgrammeMembership membership, Case c, DateOnly? leftOn, DateOnly today)
    {
        var errors = new FieldErrors();
        const string field = nameof(LeaveProgrammeRequest.LeftOn);
        var on = leftOn ?? (c.ClosureDate is { } closed && closed < today ? closed : today);
        if (membership.LeftOn is { } left) errors.Refuse(field, "The case left the programme on {0} already.", left);
        else if (on < membership.JoinedOn) errors.Refuse(field, "The day of leaving cannot be before the day of joining ({0}).", membership.JoinedOn);
        else if (on > today) errors.Refuse(field, "The day of leaving cannot be in the future.");
        else if (c.ClosureDate is { } closure && on > closure) errors.Refuse(field, "The day of leaving cannot be after the case closed ({0}).", closure);
        return errors;
    }

    /// <summary>Text, when given, within its length and, for a name, on one line.</summary>
    private static void Text(FieldErrors errors, string field, string? value, int maxLength, bool oneLine)
    {
        if (Programme.Tidy(value) is not { } tidy) return;
        if (tidy.Length > maxLength) errors.Refuse(field, new Message("This may be at most {0} characters.", maxLength));
        else if (oneLine ? tidy.Any(char.IsControl) : tidy.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')))
            errors.Refuse(field, new Message(oneLine ? "Write this on one line." : "The text holds a character that cannot be stored."));
    }
}
