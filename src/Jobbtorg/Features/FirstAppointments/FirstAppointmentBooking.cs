using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.FirstAppointments;

/// <summary>What a change gave: the appointment as stored, or the errors per field (<see cref="FirstAppointment.DateField"/>,
/// <see cref="FirstAppointment.TimeField"/>, <see cref="FirstAppointment.CoachField"/>, <see cref="FirstAppointment.ReasonField"/>).
/// A rule about the case itself (closed, already booked) is thrown as a <see cref="RuleBrokenException"/>.</summary>
public sealed record AppointmentChange(FirstAppointment? Appointment, FieldErrors Errors);

/// <summary>Books, moves and cancels a case's first appointment and records its outcome, for the pages and the API alike;
/// the district is told in the same save. The caller has checked the right to book (<see cref="Permission.BookFirstAppointment"/>)
/// and passes the case tracked, with its district and job centre.</summary>
public sealed class FirstAppointmentBooking(JobbtorgDb db, Caseloads caseloads, DistrictOutbox outbox, TimeProvider clock,
    IOptions<FirstAppointmentOptions> options, CurrentUser user)
{
    public FirstAppointmentOptions Hours => options.Value;

    public Task<List<FirstAppointment>> OfCaseAsync(int caseId, CancellationToken ct) =>
        db.FirstAppointments.Include(a => a.Coach).Where(a => a.CaseId == caseId).OrderByDescending(a => a.Id).ToListAsync(ct);

    /// <summary>The coaches of the case's centre who can take the appointment, the case's own coach first.</summary>
    public async Task<List<AppUser>> CoachesForAsync(Case c, CancellationToken ct)
    {
        var loads = await caseloads.AtCentreAsync(c.JobCentreId, ct);
        return [.. loads.Select(l => l.Coach).OrderBy(u => u.Id == c.CoachId ? 0 : 1)];
    }

    public async Task<AppointmentChange> BookAsync(Case c, DateOnly? date, TimeOnly? time, string? coachId, CancellationToken ct)
    {
        var existing = await OfCaseAsync(c.Id, ct);
        // The case's own rules first: a closed case or one already booked is refused whatever the time.
        FirstAppointment.EnsureBookable(c, existing);
        var (start, coach, coaches, errors) = await CheckAsync(c, date, time, coachId, ct);
        if (errors.Count > 0) return new(null, errors);
        var booked = FirstAppointment.Book(c, existing, start!.Value, coach!, coaches, Hours, user.Name, clock.GetUtcNow());
        db.FirstAppointments.Add(booked);
        Tell(booked, "Booked", null);
        await SaveAsync(ct);
        return new(booked, errors);
    }

    public async Task<AppointmentChange> MoveAsync(Case c, FirstAppointment a, DateOnly? date, TimeOnly? time, string? coachId, CancellationToken ct)
    {
        a.EnsureMovable();
        var (start, coach, coaches, errors) = await CheckAsync(c, date, time, coachId ?? a.CoachId, ct);
        if (errors.Count > 0) return new(null, errors);
        var previous = a.Move(start!.Value, coach!, coaches, Hours, clock.GetUtcNow());
        Tell(a, "Moved", previous);
        await SaveAsync(ct);
        return new(a, errors);
    }

    public async Task<AppointmentChange> CancelAsync(Case c, FirstAppointment a, string? reason, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (a.IsBooked && string.IsNullOrWhiteSpace(reason)) errors.Refuse(FirstAppointment.ReasonField, "Give the reason for the cancellation.");
        else if (a.IsBooked && reason!.Trim().Length > FirstAppointment.MaxReasonLength)
            errors.Refuse(FirstAppointment.ReasonField, "The reason may be at most {0} characters.", FirstAppointment.MaxReasonLength);
        if (errors.Count > 0) return new(null, errors);
        a.Cancel(reason, user.Name, clock.GetUtcNow());
        Tell(a, "Cancelled", null);
        await SaveAsync(ct);
        return new(a, errors);
    }

    public async Task<AppointmentChange> RecordOutcomeAsync(Case c, FirstAppointment a, bool attended, CancellationToken ct)
    {
        a.RecordOutcome(attended, user.Name, clock.GetUtcNow());
        // A missed appointment matters to the district (participation is tied to benefit); one attended is not reported.
        if (!attended) Tell(a, "NoShow", null);
        await SaveAsync(ct);
        return new(a, new FieldErrors());
    }

    private async Task<(DateTimeOffset? Start, AppUser? Coach, IReadOnlyCollection<string> Coaches, FieldErrors Errors)> CheckAsync(
        Case c, DateOnly? date, TimeOnly? time, string? coachId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (date is null) errors.Refuse(FirstAppointment.DateField, "Enter the date of the appointment.");
        if (time is null) errors.Refuse(FirstAppointment.TimeField, "Enter the time of the appointment.");
        if (string.IsNullOrWhiteSpace(coachId)) errors.Refuse(FirstAppointment.CoachField, "Choose a coach at the case's job centre.");
        var start = date is { } d && time is { } t ? Clock.FromStockholm(d, t) : null;
        if (date is not null && time is not null && start is null)
            errors.Refuse(FirstAppointment.TimeField, "That time does not exist in Stockholm (the clocks go forward); choose another.");
        var coaches = await CoachesForAsync(c, ct);
        var ids = coaches.Select(u => u.Id).ToList();
        foreach (var rule in FirstAppointment.Rules(start, string.IsNullOrWhiteSpace(coachId) ? null : coachId, ids, Hours, clock.GetUtcNow()))
            if (!errors.Has(rule.Field)) errors.Refuse(rule.Field, rule.Template, rule.Args);
        return (start, coaches.FirstOrDefault(u => u.Id == coachId), ids, errors);
    }

    private void Tell(FirstAppointment a, string change, DateTimeOffset? previousStart)
    {
        var c = a.Case;
        var coach = a.Coach;
        var when = $"{a.LocalStart:yyyy-MM-dd HH:mm}";
        var reach = string.Join(", ", new[] { coach.Email, string.IsNullOrWhiteSpace(coach.PhoneNumber) ? null : $"tel. {coach.PhoneNumber}" }
            .Where(x => !string.IsNullOrWhiteSpace(x)));
        var place = c.JobCentre.NameAndAddress();
        var text = change switch
        {
            "Moved" => $"Det första samtalet med jobbcoachen är flyttat från {previousStart?.ToStockholm():yyyy-MM-dd HH:mm} till {when} på {place}. " +
                       $"Jobbcoach: {coach.DisplayName}" + (reach.Length > 0 ? $", {reach}." : "."),
            "Cancelled" => $"Det första samtalet med jobbcoachen {when} är avbokat.",
            "NoShow" => $"Deltagaren kom inte till det första samtalet med jobbcoachen {when}.",
            _ => $"Deltagaren har fått en tid för ett första samtal med jobbcoachen {when} på {place}. " +
                 $"Jobbcoach: {coach.DisplayName}" + (reach.Length > 0 ? $", {reach}." : "."),
        };
        outbox.Enqueue(c, MessageKind.FirstAppointment, text, new
        {
            Change = change,
            Start = a.LocalStart,
            End = a.EndsAt.ToStockholm(),
            PreviousStart = previousStart?.ToStockholm(),
            JobCentre = c.JobCentre.Code,
            Place = place,
            Coach = new { Name = coach.DisplayName, coach.Email, Phone = string.IsNullOrWhiteSpace(coach.PhoneNumber) ? null : coach.PhoneNumber },
        });
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleBrokenException("Someone else changed the case at the same time. Reload and try again.");
        }
        catch (DbUpdateException)
        {
            // The unique index on a case's booked appointment: someone booked it at the same moment.
            throw new RuleBrokenException("The case already has a booked first appointment: move or cancel it.");
        }
    }
}
