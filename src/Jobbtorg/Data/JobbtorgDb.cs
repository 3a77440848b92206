using Jobbtorg.Features.Access;
using Jobbtorg.Features.Attendance;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Plans;
using Jobbtorg.Features.FirstAppointments;
using Jobbtorg.Features.ThreePartyMeetings;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Data;

/// <summary>The one DbContext. Each provider has a thin subclass that owns its migrations.</summary>
public abstract class JobbtorgDb(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect cookies and antiforgery tokens, shared by every instance of the app.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<JobCentre> JobCentres => Set<JobCentre>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<DistrictQuota> DistrictQuotas => Set<DistrictQuota>();
    public DbSet<ActivityType> ActivityTypes => Set<ActivityType>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<SpecialProgramme> SpecialProgrammes => Set<SpecialProgramme>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CasePause> CasePauses => Set<CasePause>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<PlannedActivity> PlannedActivities => Set<PlannedActivity>();
    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();
    public DbSet<InfoMeetingOutcome> InfoMeetingOutcomes => Set<InfoMeetingOutcome>();
    public DbSet<AttendanceDay> AttendanceDays => Set<AttendanceDay>();
    public DbSet<AttendanceRoundRun> AttendanceRoundRuns => Set<AttendanceRoundRun>();
    public DbSet<Placement> Placements => Set<Placement>();
    public DbSet<BenefitMonth> BenefitMonths => Set<BenefitMonth>();
    public DbSet<OccupationObservation> OccupationObservations => Set<OccupationObservation>();
    public DbSet<InfoMeeting> InfoMeetings => Set<InfoMeeting>();
    public DbSet<InfoMeetingBooking> InfoMeetingBookings => Set<InfoMeetingBooking>();
    public DbSet<InfoMeetingWait> InfoMeetingWaits => Set<InfoMeetingWait>();
    public DbSet<QuotaUsage> QuotaUsages => Set<QuotaUsage>();
    public DbSet<DistrictMessage> DistrictMessages => Set<DistrictMessage>();
    public DbSet<ThreePartyMeeting> ThreePartyMeetings => Set<ThreePartyMeeting>();
    public DbSet<Features.Reminders.ReminderConsent> ReminderConsents => Set<Features.Reminders.ReminderConsent>();
    public DbSet<Features.Reminders.ReminderMessage> ReminderMessages => Set<Features.Reminders.ReminderMessage>();
    public DbSet<Features.Reminders.ReminderRoundRun> ReminderRoundRuns => Set<Features.Reminders.ReminderRoundRun>();
    public DbSet<FirstAppointment> FirstAppointments => Set<FirstAppointment>();
    public DbSet<Features.AccessLog.AccessLogEntry> AccessLog => Set<Features.AccessLog.AccessLogEntry>();
    public DbSet<Features.Retention.RetentionRun> RetentionRuns => Set<Features.Retention.RetentionRun>();
    public DbSet<Features.Consent.ConsentRecord> ConsentRecords => Set<Features.Consent.ConsentRecord>();
    public DbSet<Features.Assessments.Assessment> Assessments => Set<Features.Assessments.Assessment>();
    public DbSet<Features.Assessments.InstrumentVersion> InstrumentVersions => Set<Features.Assessments.InstrumentVersion>();

    /// <summary>Saves, and in the same transaction brings the follow-up answer of the cases concerned up to date
    /// (<see cref="FollowUpBenefit"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var people = FollowUpBenefit.PeopleConcerned(this);
        using var detected = new ChangesDetected(ChangeTracker);
        if (people is null) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await FollowUpBenefit.RefreshAsync(this, people(), cancellationToken);
        if (own is not null) await own.CommitAsync(cancellationToken);
        return saved;
    }

    /// <summary>The synchronous save some libraries use (data-protection keys); the same as the asynchronous one.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var people = FollowUpBenefit.PeopleConcerned(this);
        using var detected = new ChangesDetected(ChangeTracker);
        if (people is null) return base.SaveChanges(acceptAllChangesOnSuccess);
        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        FollowUpBenefit.RefreshAsync(this, people(), CancellationToken.None).GetAwaiter().GetResult();
        own?.Commit();
        return saved;
    }

    /// <summary>While alive, the save does not detect the changes <see cref="FollowUpBenefit.PeopleConcerned"/> has just
    /// detected.</summary>
    private sealed class ChangesDetected : IDisposable
    {
        private readonly Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker;
        private readonly bool detecting;

        public ChangesDetected(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker)
        {
            this.tracker = tracker;
            detecting = tracker.AutoDetectChangesEnabled;
            tracker.AutoDetectChangesEnabled = false;
        }

        public void Dispose() => tracker.AutoDetectChangesEnabled = detecting;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JobbtorgDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Enumerations are stored by name: readable in the database and stable when members are added.
        configuration.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

public sealed class SqliteJobbtorgDb(DbContextOptions<SqliteJobbtorgDb> options) : JobbtorgDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        base.ConfigureConventions(configuration);
        // SQLite cannot compare DateTimeOffset in SQL; a sortable binary form keeps ordering right.
        configuration.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        configuration.Properties<decimal>().HaveConversion<double>();
    }
}

public sealed class PostgresJobbtorgDb(DbContextOptions<PostgresJobbtorgDb> options) : JobbtorgDb(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        CaseConfiguration.ConfigurePostgres(builder.Entity<Case>());
    }
}
