using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.FollowUp;

/// <summary>The benefit check as the worklist's form gives it.</summary>
public sealed class BenefitCheckInput
{
    public bool? ReceivesBenefit { get; set; }
    public FollowUpSource? Source { get; set; }
    /// <summary>The day of the call or the letter, or the day the register was read.</summary>
    public DateOnly? InformedOn { get; set; }
}

/// <summary>The occupation question as the worklist's form gives it.</summary>
public sealed class OccupationInput
{
    public OccupationStatus? Status { get; set; }
    public FollowUpSource? Source { get; set; }
    /// <summary>The day the person was working, studying or neither.</summary>
    public DateOnly? Date { get; set; }
}

/// <summary>
/// Records the answer to a follow-up question by hand, for a case the caller may work the list for: the benefit status
/// of the case's follow-up month, or the occupation status for one of its municipal jobs. Every field is checked first
/// and nothing is stored when one is wrong; the answer is stored in one save, which also gives the case the benefit
/// status the indicator reads. A call or a letter never replaces what a register gave (<see cref="FollowUpPrecedence"/>).
/// </summary>
public sealed class RecordFollowUpByHand(JobbtorgDb db, CaseAccess access, CurrentUser user, TimeProvider clock)
{
    public const string SameTimeMessage = "Someone else recorded this follow-up at the same time. Reload and try again.";

    /// <summary>The errors by field (the input's property names); none when the answer is stored.</summary>
    public async Task<FieldErrors> BenefitCheckAsync(Case c, BenefitCheckInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!access.Can(Permission.WorkFollowUpList, c)) return errors.Refuse("", "You may not record follow-ups for this case.");
        var today = clock.Today();
        if (c.FollowUpMonth is not { } month || !c.ReceivesBenefit || !ClosureReasons.SelfSufficiency.Contains(c.ClosureReason) || c.EnrolmentDate is null)
            return errors.Refuse("", "This case has no benefit check: it was not closed to work, studies or an employment programme with benefit at referral.");
        if (month > today)
            return errors.Refuse("", "The benefit check for {0} is due from the month's first day.", month.ToString("yyyy-MM"));

        if (input.ReceivesBenefit is null)
            errors.Refuse(nameof(input.ReceivesBenefit), "Say whether the person received financial assistance in the month.");
        CheckSource(errors, input.Source);
        if (input.InformedOn is not { } informed)
            errors.Refuse(nameof(input.InformedOn), "Enter the date of the call or the letter, or the day the register was read.");
        else if (informed > today) errors.Refuse(nameof(input.InformedOn), "The date cannot be in the future.");
        else if (informed < month) errors.Refuse(nameof(input.InformedOn), "The date cannot be before the month the check is about ({0}).", month.ToString("yyyy-MM"));
        if (errors.Count > 0) return errors;

        var held = await db.BenefitMonths.FirstOrDefaultAsync(b => b.ParticipantId == c.ParticipantId && b.Month == month, ct);
        if (held is not null && !FollowUpPrecedence.Replaces(input.Source!.Value, held.Source))
            return errors.Refuse(nameof(input.Source), "The register already gives the status for this month; a call or a letter does not replace it.");
        held ??= db.BenefitMonths.Add(new BenefitMonth { ParticipantId = c.ParticipantId, Month = month }).Entity;
        held.ReceivesBenefit = input.ReceivesBenefit!.Value;
        held.Source = input.Source!.Value;
        held.InformedOn = input.InformedOn;
        (held.RecordedBy, held.RecordedAt) = (RecordedBy, clock.GetUtcNow());
        return await SaveAsync(errors, ct);
    }

    /// <summary>The errors by field (the input's property names); none when the answer is stored.</summary>
    public async Task<FieldErrors> OccupationAsync(Case c, Placement job, OccupationInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!access.Can(Permission.WorkFollowUpList, c)) return errors.Refuse("", "You may not record follow-ups for this case.");
        var today = clock.Today();
        if (job.CaseId != c.Id || job.Kind != PlacementKind.MunicipalJob || job.FollowUpOn is not { } day)
            return errors.Refuse("", "This placement is not a municipal job with an end date.");
        var (first, last) = FollowUpDue.ObservationWindow(day);

        if (input.Status is null) errors.Refuse(nameof(input.Status), "Choose whether the person works, studies or neither.");
        CheckSource(errors, input.Source);
        if (input.Date is not { } date) errors.Refuse(nameof(input.Date), "Enter the date the status applies to.");
        else if (date > today) errors.Refuse(nameof(input.Date), "The date cannot be in the future.");
        else if (date < first || date > last)
            errors.Refuse(nameof(input.Date), "The date must lie from {0} to {1}, around {2}, three months after the job ended.", first, last, day);
        if (errors.Count > 0) return errors;

        var held = await db.OccupationObservations.FirstOrDefaultAsync(o => o.ParticipantId == c.ParticipantId && o.Date == input.Date, ct);
        if (held is not null && !FollowUpPrecedence.Replaces(input.Source!.Value, held.Source))
            return errors.Refuse(nameof(input.Source), "The register already gives the status on this date; a call or a letter does not replace it.");
        held ??= db.OccupationObservations.Add(new OccupationObservation { ParticipantId = c.ParticipantId, Date = input.Date!.Value }).Entity;
        held.Status = input.Status!.Value;
        held.Source = input.Source!.Value;
        (held.RecordedBy, held.RecordedAt) = (RecordedBy, clock.GetUtcNow());
        return await SaveAsync(errors, ct);
    }

    private string RecordedBy => user.Name.Length > BenefitMonth.MaxRecordedByLength ? user.Name[..BenefitMonth.MaxRecordedByLength] : user.Name;

    private static void CheckSource(FieldErrors errors, FollowUpSource? source)
    {
        if (source is null) errors.Refuse(nameof(BenefitCheckInput.Source), "Choose where the answer comes from: a call, a letter or a register.");
    }

    private async Task<FieldErrors> SaveAsync(FieldErrors errors, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person and month (or date) was inserted by someone else between our read and our insert.
            db.ChangeTracker.Clear();
            errors.Refuse("", SameTimeMessage);
        }
        return errors;
    }
}
