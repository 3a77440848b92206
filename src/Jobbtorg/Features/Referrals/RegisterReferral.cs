using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Referrals;

/// <summary>What a district sends: the person, why they belong at the job centre, and their consent.</summary>
public sealed record ReferralRequest
{
    [ApiRequired] public string? PersonalNumber { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    /// <summary>F, M or X; taken from the personal number when left out.</summary>
    public Gender? Gender { get; init; }
    [ApiRequired] public string? District { get; init; }
    [ApiRequired] public TargetGroup? TargetGroup { get; init; }
    public bool ReceivesBenefit { get; init; }
    public bool HasChildren { get; init; }
    public bool NewlyUnemployed { get; init; }
    public bool NewlyArrived { get; init; }
    public string? Text { get; init; }
    public bool ConsentGiven { get; init; }
    public DateOnly? ConsentDate { get; init; }
    /// <summary>Defaults to today.</summary>
    public DateOnly? ReferralDate { get; init; }
    /// <summary>The district system's own id; sending the same id again returns the same case.</summary>
    public string? DistrictReferralId { get; init; }
}

public abstract record ReferralOutcome
{
    public sealed record Created(Case Case) : ReferralOutcome;
    /// <summary>The person already has an open case, or the district's id was seen before.</summary>
    public sealed record Existing(Case Case) : ReferralOutcome;
    public sealed record Invalid(IDictionary<string, string[]> Errors) : ReferralOutcome;
    /// <summary>The person has an open case the caller may not see: nothing is created, and nothing about it is told.</summary>
    public sealed record OpenElsewhere : ReferralOutcome;
}

/// <summary>Registers a referral from the form or a district system and books the new case on an info meeting.
/// A person never gets a second open case, and a district's referral id is never registered twice, even when
/// requests race.</summary>
public sealed class RegisterReferral(JobbtorgDb db, TimeProvider clock, Texts texts, CurrentUser user, CaseAccess access, BookInfoMeeting bookInfoMeeting)
{
    public const int MinimumAge = 16;
    public const int MaxTextLength = 4000;

    public async Task<ReferralOutcome> HandleAsync(ReferralRequest request, ReferralChannel channel, CancellationToken ct = default)
    {
        var today = clock.Today();
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message, params object[] args) => errors[field] = [texts.Format(message, args)];

        var referralDate = request.ReferralDate ?? today;
        if (referralDate > today) Error(nameof(request.ReferralDate), "The referral date cannot be in the future.");
        else if (referralDate < Dates.Min) Error(nameof(request.ReferralDate), "The date {0} is before {1}, the earliest date the system accepts.", referralDate, Dates.Min);

        PersonalNumber personalNumber = default;
        if (!PersonalNumber.TryParse(request.PersonalNumber, today, out personalNumber, out var pnError))
            Error(nameof(request.PersonalNumber), pnError switch
            {
                PersonalNumberError.Missing => "Enter the person's personal identity number.",
                PersonalNumberError.Date => "The personal identity number does not contain a valid date of birth.",
                PersonalNumberError.Checksum => "The personal identity number's check digit is wrong; check for a typing error.",
                _ => "Write the personal identity number as YYYYMMDD-NNNN.",
            });
        var age = errors.ContainsKey(nameof(request.PersonalNumber)) ? null : personalNumber.AgeOn(referralDate);
        if (age < 0) Error(nameof(request.ReferralDate), "The referral date {0} is before the person was born.", referralDate);
        else if (age < MinimumAge) Error(nameof(request.PersonalNumber), "The person is {0} years old; the job centre takes people from {1}.", age!, MinimumAge);

        if (request.TargetGroup is null) Error(nameof(request.TargetGroup), "Choose the target group.");
        else if (request.TargetGroup == TargetGroup.Youth && !AgeBands.IsYouth(age) && !errors.ContainsKey(nameof(request.PersonalNumber)))
            Error(nameof(request.TargetGroup), "The youth target group is for people aged 16–24.");

        var district = string.IsNullOrWhiteSpace(request.District) || Input.TextProblem(request.District) is not null ? null
            : await db.Districts.FirstOrDefaultAsync(d => d.Code == request.District.Trim().ToLower(), ct);
        if (string.IsNullOrWhiteSpace(request.District)) Error(nameof(request.District), "Choose the district.");
        else if (district is null) Error(nameof(request.District), "There is no district with the code '{0}'.", request.District);
        else if (district.RetiredOn is not null) Error(nameof(request.District), "The district {0} is retired and takes no new referrals.", district.Name);
        else if (!AccessRules.AllowsReferralTo(user.Access, district.Id, district.ServingJobCentreId(AgeBands.IsYouth(age))))
            Error(nameof(request.District), user.Access.DistrictId is not null || user.Access.IsApiKey
                ? "You may only refer people from your own district."
                : "The case would go to a job centre whose cases you do not see; refer only to the centres you work with.");

        if (request.ConsentGiven && request.ConsentDate is null) Error(nameof(request.ConsentDate), "Enter the date the person gave consent.");
        if (request.ConsentDate > today) Error(nameof(request.ConsentDate), "The consent date cannot be in the future.");
        else if (request.ConsentDate < Dates.Min) Error(nameof(request.ConsentDate), "The date {0} is before {1}, the earliest date the system accepts.", request.ConsentDate, Dates.Min);
        if (!request.ConsentGiven && request.ConsentDate is not null) Error(nameof(request.ConsentDate), "A consent date is only given when the person consented.");
        if (request.Text?.Length > MaxTextLength) Error(nameof(request.Text), "The text may be at most {0} characters.", MaxTextLength);
        if (request.DistrictReferralId?.Length > 100) Error(nameof(request.DistrictReferralId), "The district's referral id may be at most 100 characters.");
        // Names are optional for district systems, but a person registered by hand must be recognisable.
        if (channel == ReferralChannel.Form && string.IsNullOrWhiteSpace(request.FirstName)) Error(nameof(request.FirstName), "Enter the first name.");
        if (channel == ReferralChannel.Form && string.IsNullOrWhiteSpace(request.LastName)) Error(nameof(request.LastName), "Enter the last name.");
        if (request.FirstName?.Length > 100) Error(nameof(request.FirstName), "The first name may be at most 100 characters.");
        if (request.LastName?.Length > 100) Error(nameof(request.LastName), "The last name may be at most 100 characters.");
        // The form's binder and the API's reader refuse these already; a caller of this use case gets the same rule.
        foreach (var (field, text) in new[] { (nameof(request.PersonalNumber), request.PersonalNumber), (nameof(request.FirstName), request.FirstName),
                     (nameof(request.LastName), request.LastName), (nameof(request.District), request.District), (nameof(request.Text), request.Text),
                     (nameof(request.DistrictReferralId), request.DistrictReferralId) })
            if (Input.TextProblem(text) is { } problem) errors[field] = [texts[problem]];

        if (errors.Count > 0) return new ReferralOutcome.Invalid(errors);

        // Two attempts: a concurrent referral for the same person may win the unique index between our
        // check and our insert; the second attempt then finds and returns that case.
        for (var attempt = 0; ; attempt++)
        {
            if (await FindExistingAsync(district!.Id, request.DistrictReferralId, personalNumber.Value, ct) is { } existing)
                return access.Can(Permission.ReadCase, existing) ? new ReferralOutcome.Existing(existing) : new ReferralOutcome.OpenElsewhere();
            try
            {
                var created = await CreateAsync(request, personalNumber, district, referralDate, age, channel, ct);
                await bookInfoMeeting.HandleAsync(created.Id, ct: ct);
                return new ReferralOutcome.Created(created);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Case?> FindExistingAsync(int districtId, string? districtReferralId, string personalNumber, CancellationToken ct)
    {
        var cases = db.Cases.Include(c => c.District).Include(c => c.Coach).Include(c => c.Plans);
        if (!string.IsNullOrWhiteSpace(districtReferralId)
            && await cases.FirstOrDefaultAsync(c => c.DistrictId == districtId && c.DistrictReferralId == districtReferralId, ct) is { } same)
            return same;
        return await cases.FirstOrDefaultAsync(c => c.OpenParticipant!.PersonalNumber == personalNumber, ct);
    }

    private async Task<Case> CreateAsync(ReferralRequest request, PersonalNumber number, Organisation.District district,
        DateOnly referralDate, int? age, ReferralChannel channel, CancellationToken ct)
    {
        var participant = await db.Participants.FirstOrDefaultAsync(p => p.PersonalNumber == number.Value, ct)
            ?? db.Participants.Add(new Participant { PersonalNumber = number.Value }).Entity;
        participant.FirstName = Clean(request.FirstName) ?? participant.FirstName;
        participant.LastName = Clean(request.LastName) ?? participant.LastName;
        participant.Gender = request.Gender ?? (number.Sex == LegalSex.Female ? Gender.F : Gender.M);

        var c = Case.Refer(participant, district, district.ServingJobCentreId(AgeBands.IsYouth(age)), referralDate, clock.GetUtcNow(), user.Name, channel);
        c.TargetGroup = request.TargetGroup!.Value;
        c.ReceivesBenefit = request.ReceivesBenefit;
        c.HasChildren = request.HasChildren;
        c.NewlyUnemployed = request.NewlyUnemployed;
        c.NewlyArrived = request.NewlyArrived;
        c.ReferralText = Clean(request.Text);
        c.ConsentGiven = request.ConsentGiven;
        c.ConsentDate = request.ConsentDate;
        c.DistrictReferralId = Clean(request.DistrictReferralId);
        db.Cases.Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
