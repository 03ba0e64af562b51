/** Text keys the questions and the summary share. */
export const MODEL_KEYS = {
  secunet: 'setup.connector.models.secunet',
  kocobox: 'setup.connector.models.kocobox',
  rise: 'setup.connector.models.rise',
  cloud: 'setup.connector.models.cloud',
  unknown: 'setup.connector.models.unknown',
} as const;

export const TRI_KEYS = { yes: 'setup.yes', no: 'setup.no', unsure: 'setup.unsure' } as const;

export const ACCOUNT_KEYS = {
  personal: 'setup.computers.accounts.personal',
  shared: 'setup.computers.accounts.shared',
  unsure: 'setup.computers.accounts.unsure',
} as const;
