using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Features.Organisation;

internal sealed class JobCentreConfiguration : IEntityTypeConfiguration<JobCentre>
{
    public void Configure(EntityTypeBuilder<JobCentre> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Address).HasMaxLength(JobCentre.AddressMaxLength);
        b.Property(x => x.Phone).HasMaxLength(JobCentre.PhoneMaxLength);
        b.Property(x => x.Directions).HasMaxLength(JobCentre.DirectionsMaxLength);
        b.HasOne<JobCentre>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Name).HasMaxLength(120);
        b.HasOne(x => x.AdultJobCentre).WithMany().HasForeignKey(x => x.AdultJobCentreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.YouthJobCentre).WithMany().HasForeignKey(x => x.YouthJobCentreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DistrictQuotaConfiguration : IEntityTypeConfiguration<DistrictQuota>
{
    public void Configure(EntityTypeBuilder<DistrictQuota> b)
    {
        b.HasIndex(x => new { x.DistrictId, x.Kind }).IsUnique();
        b.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivityTypeConfiguration : IEntityTypeConfiguration<ActivityType>
{
    public void Configure(EntityTypeBuilder<ActivityType> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.NameSv).HasMaxLength(120);
        b.Property(x => x.NameEn).HasMaxLength(120);
    }
}

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> b)
    {
        b.HasIndex(x => x.OrganisationNumber).IsUnique();
        b.Property(x => x.Name).HasMaxLength(160);
        b.Property(x => x.OrganisationNumber).HasMaxLength(10);
    }
}

internal sealed class SpecialProgrammeConfiguration : IEntityTypeConfiguration<SpecialProgramme>
{
    public void Configure(EntityTypeBuilder<SpecialProgramme> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.AnnualCost).HasPrecision(14, 2);
    }
}
