import arAccount from "@/messages/ar/account.json";
import arAdmin from "@/messages/ar/admin.json";
import arCampaigns from "@/messages/ar/campaigns.json";
import arContacts from "@/messages/ar/contacts.json";
import arCore from "@/messages/ar/core.json";
import arEvents from "@/messages/ar/events.json";
import arFaq from "@/messages/ar/faq.json";
import arForum from "@/messages/ar/forum.json";
import arMembers from "@/messages/ar/members.json";
import arMessages from "@/messages/ar/messages.json";
import arModeration from "@/messages/ar/moderation.json";
import arNotifications from "@/messages/ar/notifications.json";
import arOrganisations from "@/messages/ar/organisations.json";
import arPrivacy from "@/messages/ar/privacy.json";
import arProfile from "@/messages/ar/profile.json";
import arSearch from "@/messages/ar/search.json";
import arVideos from "@/messages/ar/videos.json";
import deAccount from "@/messages/de/account.json";
import deAdmin from "@/messages/de/admin.json";
import deCampaigns from "@/messages/de/campaigns.json";
import deContacts from "@/messages/de/contacts.json";
import deCore from "@/messages/de/core.json";
import deEvents from "@/messages/de/events.json";
import deFaq from "@/messages/de/faq.json";
import deForum from "@/messages/de/forum.json";
import deMembers from "@/messages/de/members.json";
import deMessages from "@/messages/de/messages.json";
import deModeration from "@/messages/de/moderation.json";
import deNotifications from "@/messages/de/notifications.json";
import deOrganisations from "@/messages/de/organisations.json";
import dePrivacy from "@/messages/de/privacy.json";
import deProfile from "@/messages/de/profile.json";
import deSearch from "@/messages/de/search.json";
import deVideos from "@/messages/de/videos.json";
import enAccount from "@/messages/en/account.json";
import enAdmin from "@/messages/en/admin.json";
import enCampaigns from "@/messages/en/campaigns.json";
import enContacts from "@/messages/en/contacts.json";
import enCore from "@/messages/en/core.json";
import enEvents from "@/messages/en/events.json";
import enFaq from "@/messages/en/faq.json";
import enForum from "@/messages/en/forum.json";
import enMembers from "@/messages/en/members.json";
import enMessages from "@/messages/en/messages.json";
import enModeration from "@/messages/en/moderation.json";
import enNotifications from "@/messages/en/notifications.json";
import enOrganisations from "@/messages/en/organisations.json";
import enPrivacy from "@/messages/en/privacy.json";
import enProfile from "@/messages/en/profile.json";
import enSearch from "@/messages/en/search.json";
import enVideos from "@/messages/en/videos.json";
import ukAccount from "@/messages/uk/account.json";
import ukAdmin from "@/messages/uk/admin.json";
import ukCampaigns from "@/messages/uk/campaigns.json";
import ukContacts from "@/messages/uk/contacts.json";
import ukCore from "@/messages/uk/core.json";
import ukEvents from "@/messages/uk/events.json";
import ukFaq from "@/messages/uk/faq.json";
import ukForum from "@/messages/uk/forum.json";
import ukMembers from "@/messages/uk/members.json";
import ukMessages from "@/messages/uk/messages.json";
import ukModeration from "@/messages/uk/moderation.json";
import ukNotifications from "@/messages/uk/notifications.json";
import ukOrganisations from "@/messages/uk/organisations.json";
import ukPrivacy from "@/messages/uk/privacy.json";
import ukProfile from "@/messages/uk/profile.json";
import ukSearch from "@/messages/uk/search.json";
import ukVideos from "@/messages/uk/videos.json";
import type { Locale } from "./config";

// One file per area and language (messages/<locale>/<area>.json), each holding whole namespaces.
const de = {
  ...deCore,
  ...deMembers,
  ...deOrganisations,
  ...deProfile,
  ...deMessages,
  ...deNotifications,
  ...deForum,
  ...deModeration,
  ...deSearch,
  ...deEvents,
  ...deFaq,
  ...deVideos,
  ...deAdmin,
  ...dePrivacy,
  ...deCampaigns,
  ...deContacts,
  ...deAccount,
};

export type Messages = typeof de;

export const MESSAGES: Record<Locale, Messages> = {
  de,
  en: {
    ...enCore,
    ...enMembers,
    ...enOrganisations,
    ...enProfile,
    ...enMessages,
    ...enNotifications,
    ...enForum,
    ...enModeration,
    ...enSearch,
    ...enEvents,
    ...enFaq,
    ...enVideos,
    ...enAdmin,
    ...enPrivacy,
    ...enCampaigns,
    ...enContacts,
    ...enAccount,
  },
  ar: {
    ...arCore,
    ...arMembers,
    ...arOrganisations,
    ...arProfile,
    ...arMessages,
    ...arNotifications,
    ...arForum,
    ...arModeration,
    ...arSearch,
    ...arEvents,
    ...arFaq,
    ...arVideos,
    ...arAdmin,
    ...arPrivacy,
    ...arCampaigns,
    ...arContacts,
    ...arAccount,
  },
  uk: {
    ...ukCore,
    ...ukMembers,
    ...ukOrganisations,
    ...ukProfile,
    ...ukMessages,
    ...ukNotifications,
    ...ukForum,
    ...ukModeration,
    ...ukSearch,
    ...ukEvents,
    ...ukFaq,
    ...ukVideos,
    ...ukAdmin,
    ...ukPrivacy,
    ...ukCampaigns,
    ...ukContacts,
    ...ukAccount,
  },
};
