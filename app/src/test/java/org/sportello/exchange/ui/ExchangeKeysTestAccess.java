package org.sportello.exchange.ui;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** A key pair as a line of the keys file ({@code id:private:public}), for tests. */
final class ExchangeKeysTestAccess {

	private ExchangeKeysTestAccess() {
	}

	static String newKeyLine(String keyId) {
		try {
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			return keyId + ":" + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + ":"
					+ Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
